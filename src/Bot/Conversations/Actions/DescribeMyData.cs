using System.Globalization;
using MentorBot.Bot.Dialogs;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// "What is stored about me", in her language: one line per profile value she has given (including the
/// answers of the sign-up she is in the middle of), coded answers shown with the labels of the questions
/// that asked them, and when she consented. Result: <c>summary</c>.
/// </summary>
public sealed class DescribeMyData : IDialogAction
{
    public string Name => "describe_my_data";

    static readonly (string Target, string Key)[] Lines =
    [
        ("profile.display_name", HostKeys.Summary.Name),
        ("profile.branch", HostKeys.Summary.Branch),
        ("profile.city", HostKeys.Summary.City),
        ("profile.education_level", HostKeys.Summary.EducationLevel),
        ("profile.field", HostKeys.Summary.Field),
        ("profile.profession", HostKeys.Summary.Profession),
        ("profile.years_of_experience", HostKeys.Summary.YearsOfExperience),
        ("profile.employer", HostKeys.Summary.Employer),
        ("profile.partner_company", HostKeys.Summary.PartnerCompany),
        ("profile.goals", HostKeys.Summary.Goals),
        ("profile.offers", HostKeys.Summary.Offers),
        ("profile.languages", HostKeys.Summary.Languages),
        ("profile.danish_level", HostKeys.Summary.DanishLevel),
        ("profile.mentor_capacity", HostKeys.Summary.MentorCapacity),
    ];

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        switch (context.Value("profile.role"))
        {
            case "mentee":
                lines.Add(context.Text(HostKeys.Summary.RoleMentee));
                break;
            case "mentor":
                lines.Add(context.Text(HostKeys.Summary.RoleMentor));
                break;
        }

        foreach (var (target, key) in Lines)
        {
            if (context.Value(target) is { Length: > 0 } value)
            {
                lines.Add(context.Text(key, new Dictionary<string, string> { ["value"] = Label(context, target, value) }));
            }
        }

        var consentedAt = context.Db.Consents.Local.Where(c => c.ParticipantId == context.Person.Id && c.WithdrawnAt == null).Select(c => (DateTimeOffset?)c.GivenAt).Max()
            ?? await context.Db.Consents.Where(c => c.ParticipantId == context.Person.Id && c.WithdrawnAt == null).MaxAsync(c => (DateTimeOffset?)c.GivenAt, cancellationToken);
        if (consentedAt is { } given)
        {
            var zone = Branch.ZoneOf(context.Person.Branch);
            var date = TimeZoneInfo.ConvertTime(given, zone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            lines.Add(context.Text(HostKeys.Summary.Consent, new Dictionary<string, string> { ["date"] = date }));
        }

        return new Dictionary<string, string> { ["summary"] = lines.Count == 0 ? context.Text(HostKeys.Summary.Nothing) : string.Join('\n', lines) };
    }

    /// <summary>Codes ("it", "job,network") as her language's option labels; free text as she wrote it.</summary>
    static string Label(DialogActionContext context, string target, string value) =>
        HostKeys.ValueLabelPrompts.ContainsKey(target)
            ? string.Join(", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code => context.Library.Catalog.TryText(context.Language, HostKeys.ValueLabel(target, code)) ?? code))
            : value;
}
