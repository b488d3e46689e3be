using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Scheduling;

/// <summary>What a prompted dialog is told when it starts: the match and the partner's name, the event and its time and place.</summary>
public static class PromptValues
{
    public static async Task<Dictionary<string, string>> ForAsync(MentorBotDb db, Participant person, Guid? matchId, Guid? eventId, CancellationToken cancellationToken, string? kind = null)
    {
        var match = matchId is { } theMatch ? await Matches(db).SingleAsync(m => m.Id == theMatch, cancellationToken) : null;
        var @event = eventId is { } theEvent ? await Events(db).SingleAsync(e => e.Id == theEvent, cancellationToken) : null;
        return For(person, match, @event, kind);
    }

    /// <summary>Matches with what the values need of them: both partners, the mentee's profile.</summary>
    public static IQueryable<Match> Matches(MentorBotDb db) => db.Matches.Include(m => m.Mentee).ThenInclude(p => p!.Profile).Include(m => m.Mentor);

    /// <summary>Events with their branch, whose time zone the date is written in.</summary>
    public static IQueryable<Event> Events(MentorBotDb db) => db.Events.Include(e => e.Branch);

    /// <summary>The values from a match and an event read already (by <see cref="Matches"/> and <see cref="Events"/>).</summary>
    public static Dictionary<string, string> For(Participant person, Match? match, Event? @event, string? kind = null)
    {
        // The kind lets one dialog serve several prompts (prompt_notice says one thing per kind; match_request opens with a reminder line).
        var values = new Dictionary<string, string> { ["answers.prompt_kind"] = kind ?? "" };
        if (match is not null)
        {
            values["answers.match_id"] = match.Id.ToString();
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

        if (@event is not null)
        {
            var zone = Branch.ZoneOf(@event.Branch);
            values["answers.event_id"] = @event.Id.ToString();
            values["answers.event_title"] = @event.Title;
            values["answers.event_date"] = TimeZoneInfo.ConvertTime(@event.StartsAt, zone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            values["answers.event_place"] = @event.Location ?? "";
            values["answers.guests_allowed"] = @event.GuestsAllowed ? "yes" : "no";
        }

        return values;
    }
}
