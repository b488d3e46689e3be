using System.Globalization;
using MentorBot.Data.Model;
using MentorBot.Data.Naming;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// The <c>profile.*</c> names dialogs store into and read from, mapped onto the participant and her
/// profile. Codes are the ones the dialogs use (snake_case enum names, field and goal codes); multiple
/// choices arrive as <c>a,b,c</c>. A dialog naming a target that is not here fails its tests.
/// </summary>
public static class ProfileTargets
{
    public const string Prefix = "profile.";

    static readonly Dictionary<string, (Func<Participant, string?> Read, Action<Participant, string> Write)> Targets = new()
    {
        ["display_name"] = (p => p.DisplayName, (p, v) => p.DisplayName = v.Trim()),
        ["role"] = (p => Name<ParticipantRole>(p.Role), (p, v) => p.Role = Parse<ParticipantRole>(v)),
        ["branch"] = (p => p.Branch?.Code, (_, _) => { }), // a code: the host looks the branch up (ConversationHost.WriteProfileAsync)
        ["city"] = (p => View(p).City, (p, v) => Of(p).City = v.Trim()),
        ["education_level"] = (p => Name(View(p).EducationLevel), (p, v) => Of(p).EducationLevel = Parse<EducationLevel>(v)),
        ["field"] = (p => View(p).ProfessionalField, (p, v) => Of(p).ProfessionalField = v),
        ["profession"] = (p => View(p).Profession, (p, v) => Of(p).Profession = v.Trim()),
        ["years_of_experience"] = (p => View(p).YearsOfExperience?.ToString(CultureInfo.InvariantCulture), (p, v) => Of(p).YearsOfExperience = int.Parse(v, CultureInfo.InvariantCulture)),
        ["employer"] = (p => View(p).Employer, (p, v) => Of(p).Employer = v.Trim()),
        ["partner_company"] = (p => View(p).PartnerCompany, (p, v) => Of(p).PartnerCompany = v.Trim()),
        ["goals"] = (p => List(View(p).Goals), (p, v) => Of(p).Goals = Split(v)),
        ["offers"] = (p => List(View(p).Offers), (p, v) => Of(p).Offers = Split(v)),
        ["languages"] = (p => List(View(p).Languages), (p, v) => Of(p).Languages = Split(v)),
        ["danish_level"] = (p => Name(View(p).DanishLevel), (p, v) => Of(p).DanishLevel = Parse<DanishLevel>(v)),
        ["mentor_capacity"] = (p => View(p).MentorCapacity?.ToString(CultureInfo.InvariantCulture), (p, v) => Of(p).MentorCapacity = int.Parse(v, CultureInfo.InvariantCulture)),
        ["availability"] = (p => View(p).Availability, (p, v) => Of(p).Availability = v.Trim()),
    };

    public static IEnumerable<string> Names => Targets.Keys.Select(name => Prefix + name);

    public static bool IsKnown(string target) =>
        target.StartsWith(Prefix, StringComparison.Ordinal) && Targets.ContainsKey(target[Prefix.Length..]);

    /// <summary>The branch code a <c>profile.branch</c> answer names, for the host to look up.</summary>
    public static bool IsBranch(string target) => target == Prefix + "branch";

    public static void Write(Participant person, string target, string value, DateTimeOffset now)
    {
        if (!IsKnown(target))
        {
            throw new InvalidOperationException($"'{target}' is not a profile field MentorBot stores.");
        }

        Targets[target[Prefix.Length..]].Write(person, value);
        person.UpdatedAt = now;
        if (person.Profile is not null)
        {
            person.Profile.UpdatedAt = now;
        }
    }

    /// <summary>What is known about her, as the dialogs name it (for branches and message arguments).</summary>
    public static Dictionary<string, string> Read(Participant person) =>
        Targets.Select(pair => (Name: Prefix + pair.Key, Value: pair.Value.Read(person)))
            .Where(pair => !string.IsNullOrEmpty(pair.Value))
            .ToDictionary(pair => pair.Name, pair => pair.Value!);

    /// <summary>Her profile, created on the first answer stored into it.</summary>
    static Profile Of(Participant person) => person.Profile ??= new Profile { ParticipantId = person.Id };

    /// <summary>Her profile for reading; an empty one (never saved) when she has none yet.</summary>
    static Profile View(Participant person) => person.Profile ?? NoProfile;

    static readonly Profile NoProfile = new();

    static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? SnakeCaseEnumConverter<TEnum>.NameOf(v) : null;

    static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum => SnakeCaseEnumConverter<TEnum>.ValueOf(value);

    static string? List(List<string> values) => values.Count == 0 ? null : string.Join(',', values);

    static List<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
