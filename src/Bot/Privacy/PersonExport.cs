using System.Text.Json;
using MentorBot.Bot.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// A person's whole data as one JSON document (GDPR art. 20, data portability): everything stored about
/// her, and of the people she was matched with only their first names. Every export is audited.
/// </summary>
public sealed class PersonExport(MentorBotDb db, TimeProvider clock)
{
    /// <summary>Her data, or null when there is no such person in the coordinator's branches (the same answer, so a scope can't probe).</summary>
    public async Task<PersonExportDocument?> ExportAsync(Guid participantId, BranchScope scope, CancellationToken cancellationToken)
    {
        var person = await db.Participants.AsNoTracking().Include(p => p.Branch).Include(p => p.Profile)
            .SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (person is null || !scope.Allows(person.BranchId))
        {
            return null;
        }

        var document = new PersonExportDocument(
            PersonExportDocument.FormatName,
            PersonExportDocument.CurrentVersion,
            clock.GetUtcNow(),
            Participant(person),
            person.Profile is { } profile ? Profile(profile) : null,
            await db.ChannelIdentities.AsNoTracking().Where(i => i.ParticipantId == participantId).OrderBy(i => i.CreatedAt)
                .Select(i => new ExportedChannelIdentity(i.Channel, i.Address, i.VerifiedAt, i.CreatedAt)).ToListAsync(cancellationToken),
            await db.Consents.AsNoTracking().Where(c => c.ParticipantId == participantId).OrderBy(c => c.GivenAt)
                .Select(c => new ExportedConsent(c.Purpose, c.TextVersion, c.Language, c.Channel, c.GivenAt, c.WithdrawnAt)).ToListAsync(cancellationToken),
            await ConversationsAsync(participantId, cancellationToken),
            await DialogSessionsAsync(person, cancellationToken),
            await MatchesAsync(participantId, cancellationToken),
            await db.MeetingReports.AsNoTracking().Where(r => r.ReporterId == participantId).OrderBy(r => r.SubmittedAt)
                .Select(r => new ExportedMeetingReport(r.MatchId, r.Met, r.MetOn, r.Topics, r.Note, r.NextMeetingOn, r.Channel, r.SubmittedAt)).ToListAsync(cancellationToken),
            await SurveysAsync(participantId, cancellationToken),
            await db.EventRegistrations.AsNoTracking().Where(r => r.ParticipantId == participantId)
                .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { r, e }).OrderBy(x => x.r.InvitedAt)
                .Select(x => new ExportedEventRegistration(x.e.Title, x.e.StartsAt, x.r.Status, x.r.Guests, x.r.ChildcareNeeded, x.r.ChildrenAges, x.r.Attended, x.r.InvitedAt, x.r.RespondedAt))
                .ToListAsync(cancellationToken),
            await db.Handovers.AsNoTracking().Where(h => h.ParticipantId == participantId).OrderBy(h => h.RequestedAt)
                .Select(h => new ExportedHandover(h.Status, h.Reason, h.RequestedAt, h.TakenOverAt, h.ReleasedAt)).ToListAsync(cancellationToken),
            await db.ScheduledPrompts.AsNoTracking().Where(p => p.ParticipantId == participantId).OrderBy(p => p.DueAt)
                .Select(p => new ExportedPrompt(p.Kind, p.DialogId, p.Status, p.DueAt, p.SentAt)).ToListAsync(cancellationToken),
            await db.PhoneVerifications.AsNoTracking().Where(v => v.ParticipantId == participantId).OrderBy(v => v.CreatedAt)
                .Select(v => new ExportedPhoneVerification(v.Phone, v.CreatedAt, v.ExpiresAt, v.Attempts, v.VerifiedAt)).ToListAsync(cancellationToken));

        PrivacyAudit.Add(db, document.ExportedAt, scope.CoordinatorId, "participant.exported", "participant", participantId, person.BranchId, new
        {
            messages = document.Conversations.Sum(c => c.Messages.Count),
            matches = document.Matches.Count,
            surveys = document.Surveys.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    /// <summary>The export as UTF-8 JSON bytes (<see cref="PersonExportJson"/>), or null as <see cref="ExportAsync"/>.</summary>
    public async Task<byte[]?> ExportJsonAsync(Guid participantId, BranchScope scope, CancellationToken cancellationToken) =>
        await ExportAsync(participantId, scope, cancellationToken) is { } document ? PersonExportJson.ToUtf8(document) : null;

    static ExportedParticipant Participant(Participant p) => new(
        p.Id, p.Role, p.Track, p.Branch?.Code, p.Branch?.Name, p.PreferredLanguage, p.DisplayName, p.Phone, p.Status,
        p.OptedOutAt, p.OptedOutVia, p.CreatedAt, p.UpdatedAt);

    static ExportedProfile Profile(Profile p) => new(
        p.EducationLevel, p.ProfessionalField, p.Profession, p.YearsOfExperience, p.Goals, p.Offers, p.Languages, p.DanishLevel,
        p.City, p.Availability, p.MentorCapacity, p.Employer, p.PartnerCompany, p.UpdatedAt);

    async Task<List<ExportedConversation>> ConversationsAsync(Guid participantId, CancellationToken cancellationToken)
    {
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.ParticipantId == participantId).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);
        var ids = conversations.Select(c => c.Id).ToList();
        var messages = (await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.ConversationId) || m.ParticipantId == participantId)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ConversationId);
        return conversations
            .Select(c => new ExportedConversation(c.Id, c.Channel, c.StartedAt, c.LastActivityAt, messages[c.Id]
                .Select(m => new ExportedMessage(m.Id, m.Direction, m.Author, m.Text, m.Language, m.DeliveryStatus, m.CreatedAt, m.SentAt, m.DeliveredAt))
                .ToList()))
            .ToList();
    }

    async Task<List<ExportedDialogSession>> DialogSessionsAsync(Participant person, CancellationToken cancellationToken) =>
        (await db.DialogSessions.AsNoTracking().Where(s => s.ParticipantId == person.Id).OrderBy(s => s.StartedAt).ToListAsync(cancellationToken))
        .Select(s => new ExportedDialogSession(s.DialogId, s.Status, s.StartedAt, s.UpdatedAt, s.EndedAt, WithoutPartnerData(Answers(s.State), person.Role)))
        .ToList();

    /// <summary>
    /// A prompted dialog is told about the other party of a match (PromptValues): her own values stay, the
    /// other party's name is cut to the first name and a mentee's profession summary is left out of a mentor's export.
    /// </summary>
    static Dictionary<string, string> WithoutPartnerData(Dictionary<string, string> answers, ParticipantRole role)
    {
        var other = role == ParticipantRole.Mentee ? "answers.mentor_name" : "answers.mentee_name";
        foreach (var key in new[] { other, "answers.partner_name" })
        {
            if (answers.TryGetValue(key, out var name))
            {
                answers[key] = FirstName(name) ?? "";
            }
        }

        if (role != ParticipantRole.Mentee)
        {
            answers.Remove("answers.mentee_summary");
        }

        return answers;
    }

    /// <summary>The values the engine keeps in its saved state (<c>{"values": {"answers.name": "…"}}</c>).</summary>
    static Dictionary<string, string> Answers(string state)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(state);
        if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                answers[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() ?? "" : value.Value.GetRawText();
            }
        }

        return answers;
    }

    async Task<List<ExportedMatch>> MatchesAsync(Guid participantId, CancellationToken cancellationToken)
    {
        var matches = await db.Matches.AsNoTracking().Include(m => m.Mentee).Include(m => m.Mentor)
            .Where(m => m.MenteeId == participantId || m.MentorId == participantId).OrderBy(m => m.RequestedAt).ToListAsync(cancellationToken);
        return matches.Select(m =>
        {
            var isMentee = m.MenteeId == participantId;
            var partner = isMentee ? m.Mentor : m.Mentee;
            return new ExportedMatch(m.Id, isMentee ? ParticipantRole.Mentee : ParticipantRole.Mentor, FirstName(partner?.DisplayName), m.Status,
                m.RequestedAt, m.RespondedAt, m.StartedAt, m.PlannedEndAt, m.EndedAt);
        }).ToList();
    }

    /// <summary>Only the first word of the other party's name: her export must not carry someone else's personal data.</summary>
    internal static string? FirstName(string? displayName) =>
        displayName?.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    async Task<List<ExportedSurvey>> SurveysAsync(Guid participantId, CancellationToken cancellationToken) =>
        (await db.SurveyInstances.AsNoTracking().Include(i => i.Definition).Include(i => i.Answers)
            .Where(i => i.ParticipantId == participantId).OrderBy(i => i.SentAt).ToListAsync(cancellationToken))
        .Select(i => new ExportedSurvey(i.Definition!.Kind, i.Definition.Version, i.MatchId, i.Status, i.SentAt, i.CompletedAt,
            i.Answers.OrderBy(a => a.Id).Select(a => new ExportedSurveyAnswer(a.Indicator, a.Choice, a.Number, a.Choices, a.AnsweredAt)).ToList()))
        .ToList();
}
