using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Scheduling;

/// <summary>What a prompted dialog is told when it starts: the match and the partner's name, the event and its time and place.</summary>
public static class PromptValues
{
    public static async Task<Dictionary<string, string>> ForAsync(MentorBotDb db, Participant person, Guid? matchId, Guid? eventId, CancellationToken cancellationToken, string? kind = null)
    {
        // The kind lets one dialog serve several prompts (prompt_notice says one thing per kind; match_request opens with a reminder line).
        var values = new Dictionary<string, string> { ["answers.prompt_kind"] = kind ?? "" };
        if (matchId is { } theMatch)
        {
            values["answers.match_id"] = theMatch.ToString();
            var match = await db.Matches.Include(m => m.Mentee).ThenInclude(p => p!.Profile).Include(m => m.Mentor)
                .SingleAsync(m => m.Id == theMatch, cancellationToken);
            values["answers.mentee_name"] = match.Mentee?.DisplayName ?? "";
            values["answers.mentor_name"] = match.Mentor?.DisplayName ?? "";
            values["answers.partner_name"] = (person.Id == match.MenteeId ? match.Mentor?.DisplayName : match.Mentee?.DisplayName) ?? "";
            values["answers.mentee_summary"] = match.Mentee?.Profile?.Profession ?? match.Mentee?.Profile?.ProfessionalField ?? "";
            if (kind == MentorBot.Scheduler.Prompts.PromptKinds.Introduction
                && (person.Id == match.MenteeId ? match.Mentor?.Phone : match.Mentee?.Phone) is { } partnerPhone)
            {
                // The introduction is the one prompt that shares a contact: the partner's phone number, to arrange the first meeting.
                values["answers.partner_phone"] = partnerPhone;
                values["answers.has_partner_phone"] = "yes";
            }
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
