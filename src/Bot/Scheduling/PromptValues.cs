using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Scheduling;

/// <summary>What a prompted dialog is told when it starts: the match and the partner's name, the event and its time and place.</summary>
public static class PromptValues
{
    public static async Task<Dictionary<string, string>> ForAsync(MentorBotDb db, Participant person, Guid? matchId, Guid? eventId, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>();
        if (matchId is { } theMatch)
        {
            values["answers.match_id"] = theMatch.ToString();
            var match = await db.Matches.Include(m => m.Mentee).ThenInclude(p => p!.Profile).Include(m => m.Mentor)
                .SingleAsync(m => m.Id == theMatch, cancellationToken);
            values["answers.mentee_name"] = match.Mentee?.DisplayName ?? "";
            values["answers.mentor_name"] = match.Mentor?.DisplayName ?? "";
            values["answers.partner_name"] = (person.Id == match.MenteeId ? match.Mentor?.DisplayName : match.Mentee?.DisplayName) ?? "";
            values["answers.mentee_summary"] = match.Mentee?.Profile?.Profession ?? match.Mentee?.Profile?.ProfessionalField ?? "";
        }

        if (eventId is { } theEvent)
        {
            var @event = await db.Events.Include(e => e.Branch).SingleAsync(e => e.Id == theEvent, cancellationToken);
            var zone = Branch.ZoneOf(@event.Branch);
            values["answers.event_id"] = theEvent.ToString();
            values["answers.event_title"] = @event.Title;
            values["answers.event_date"] = TimeZoneInfo.ConvertTime(@event.StartsAt, zone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            values["answers.event_place"] = @event.Location ?? "";
            values["answers.guests_allowed"] = @event.GuestsAllowed ? "yes" : "no";
        }

        return values;
    }
}
