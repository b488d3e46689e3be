using System.Text.RegularExpressions;
using MentorBot.Bot.Dialogs.Understanding;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Her answer to an event invitation (<c>answers.event_id</c> is given by the prompt): registered with
/// her guests and, for childcare, her children's ages; or declined; or <c>full</c> when the places
/// (guests included) are taken.
/// </summary>
public sealed partial class RegisterForEvent : IDialogAction
{
    public string Name => "register_for_event";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var eventId = Guid.Parse(context.Value("answers.event_id") ?? throw new InvalidOperationException("event_invitation started without answers.event_id."));
        var db = context.Db;
        var @event = await db.Events.SingleAsync(e => e.Id == eventId, cancellationToken);
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == eventId && r.ParticipantId == context.Person.Id, cancellationToken);
        if (registration is null)
        {
            registration = new EventRegistration { EventId = eventId, ParticipantId = context.Person.Id, InvitedAt = context.Now };
            db.EventRegistrations.Add(registration);
        }

        registration.RespondedAt = context.Now;
        if (context.Value("answers.attending") != "yes")
        {
            registration.Status = RegistrationStatus.Declined;
            return Result("declined");
        }

        var guests = @event.GuestsAllowed && int.TryParse(context.Value("answers.guests"), out var count) ? count : 0;
        if (@event.Capacity is { } capacity)
        {
            var taken = await db.EventRegistrations
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Registered && r.ParticipantId != context.Person.Id)
                .SumAsync(r => 1 + r.Guests, cancellationToken);
            if (taken + 1 + guests > capacity)
            {
                registration.Status = RegistrationStatus.Declined;
                return Result("full");
            }
        }

        registration.Status = RegistrationStatus.Registered;
        registration.Guests = guests;
        registration.ChildcareNeeded = context.Value("answers.childcare") == "yes";
        registration.ChildrenAges = registration.ChildcareNeeded
            ? Ages().Matches(TextNormalizer.FoldDigits(context.Value("answers.children_ages") ?? "")).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Where(age => age < 18).ToList()
            : [];
        return Result("registered");
    }

    static Dictionary<string, string> Result(string status) => new() { ["status"] = status };

    /// <summary>Whole numbers in "3 and 7" or "3, 7" (Arabic-Indic and Persian digits are folded to Latin first).</summary>
    [GeneratedRegex("[0-9]{1,2}")]
    private static partial Regex Ages();
}
