using MentorBot.Bot.Scheduling;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Commands;

/// <summary>
/// The scene a prompted dialog needs when it is tried in the terminal: a made-up partner and match for
/// a match request, a meeting report or a survey; a made-up event for an invitation. The dialog then gets
/// the same values as when the scheduler starts it (<see cref="PromptValues"/>).
/// </summary>
public static class ChatStage
{
    static readonly string[] AsMentor = ["match_request"];
    static readonly string[] WithMatch = ["match_request", "meeting_report", "start_survey", "end_survey", "followup_survey"];
    static readonly string[] WithEvent = ["event_invitation"];

    public static async Task<Dictionary<string, string>> PrepareAsync(MentorBotDb db, Participant person, string dialogId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!WithMatch.Contains(dialogId) && !WithEvent.Contains(dialogId))
        {
            return [];
        }

        var branch = await db.Branches.OrderBy(b => b.Code).FirstAsync(cancellationToken);
        person.Branch = branch;
        person.DisplayName ??= "Terminal";
        person.Status = ParticipantStatus.Active;
        person.Role = AsMentor.Contains(dialogId) ? ParticipantRole.Mentor : ParticipantRole.Mentee;
        Guid? matchId = null;
        Guid? eventId = null;
        if (WithMatch.Contains(dialogId))
        {
            var partner = new Participant
            {
                Branch = branch, Role = person.Role == ParticipantRole.Mentor ? ParticipantRole.Mentee : ParticipantRole.Mentor,
                DisplayName = person.Role == ParticipantRole.Mentor ? "Amal" : "Hanne", Status = ParticipantStatus.Active,
                PreferredLanguage = "da", CreatedAt = now, UpdatedAt = now,
                Profile = new Profile { Profession = "Nurse", ProfessionalField = "health", UpdatedAt = now },
            };
            var mentor = person.Role == ParticipantRole.Mentor ? person : partner;
            var mentee = person.Role == ParticipantRole.Mentor ? partner : person;
            var match = new Match
            {
                Branch = branch, Mentee = mentee, Mentor = mentor, RequestedAt = now,
                Status = dialogId == "match_request" ? MatchStatus.Requested : MatchStatus.Active,
                StartedAt = dialogId == "match_request" ? null : now,
            };
            db.AddRange(partner, match);
            matchId = match.Id;
        }

        if (WithEvent.Contains(dialogId))
        {
            var @event = new Event
            {
                Branch = branch, Kind = EventKind.CollectiveMentoring, Title = "Kollektiv mentoring", Location = "Kulturhuset",
                StartsAt = now.AddDays(7), Capacity = 150, GuestsAllowed = true, ChildcareOffered = true, PublishedAt = now, CreatedAt = now,
            };
            db.Events.Add(@event);
            eventId = @event.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await PromptValues.ForAsync(db, person, matchId, eventId, cancellationToken);
    }
}
