using MentorBot.Bot.Access;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Coordinator.TakeOver;
using MentorBot.Bot.Coordinator.Transcript;
using MentorBot.Bot.Privacy;
using MentorBot.Bot.Scheduling;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// One person: profile, consents, matches, reports, surveys, scheduled prompts and her whole transcript
/// across channels, with the handovers in it. Every view writes profile.viewed and transcript.viewed to
/// the audit log. Someone outside her branches is not found (404). From here a coordinator takes her
/// over, answers her, hands her back, retries a failed prompt, downloads her data (JSON) and goes on to
/// erase her (the confirmation is its own page, Erase).
/// </summary>
public sealed class PersonModel(MentorBotDb db, ConsoleAccessReader accessReader, ConsoleAudit audit, TakeOverService takeOver, PersonExport export, PromptOverview prompts,
    BilingualTranscript bilingual, ReadyReplies readyReplies, ConsoleText text) : PageModel
{
    public Participant Person { get; private set; } = null!;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public Handover? OpenHandover { get; private set; }

    public List<MatchRow> Matches { get; private set; } = [];

    public List<MeetingReport> Reports { get; private set; } = [];

    public List<SurveyRow> Surveys { get; private set; } = [];

    public List<ScheduledPrompt> Prompts { get; private set; } = [];

    public List<TranscriptItem> Transcript { get; private set; } = [];

    /// <summary>Beside each message, by its id: the same message in the console's language, the reading of her answer, the language of free text.</summary>
    public IReadOnlyDictionary<Guid, TranscriptTwin> Twins { get; private set; } = new Dictionary<Guid, TranscriptTwin>();

    /// <summary>The ready-made replies in her language, with their preview in the console's.</summary>
    public IReadOnlyList<ReadyReplies.Choice> ReplyChoices { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> ReplyLanguages { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        if (await FindAsync(access, id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Zone = Branch.ZoneOf(person.Branch);
        await db.Entry(person).Collection(p => p.Consents).LoadAsync(cancellationToken);
        await db.Entry(person).Collection(p => p.Identities).LoadAsync(cancellationToken);
        await db.Entry(person).Reference(p => p.Profile).LoadAsync(cancellationToken);
        var handovers = await db.Handovers.Where(h => h.ParticipantId == id).ToListAsync(cancellationToken);
        OpenHandover = handovers.FirstOrDefault(h => h.Status != HandoverStatus.Released);

        // Only her matches in branches this coordinator sees: a match of hers elsewhere (she moved, or is in two
        // programmes) stays hidden with its reports and its partner's name.
        var matches = await access.Filter(db.Matches).Where(m => m.MenteeId == id || m.MentorId == id).OrderByDescending(m => m.RequestedAt).ToListAsync(cancellationToken);
        var otherIds = matches.Select(m => m.MenteeId == id ? m.MentorId : m.MenteeId).ToList();
        var others = await db.Participants.Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        Matches = matches.Select(m =>
        {
            var other = m.MenteeId == id ? m.MentorId : m.MenteeId;
            return new MatchRow(m, other, others.GetValueOrDefault(other), access.Allows(m.BranchId));
        }).ToList();
        var matchIds = matches.Select(m => m.Id).ToList();
        Reports = await db.MeetingReports.Where(r => matchIds.Contains(r.MatchId)).OrderByDescending(r => r.SubmittedAt).ToListAsync(cancellationToken);
        Surveys = await db.SurveyInstances.Where(s => s.ParticipantId == id).OrderByDescending(s => s.SentAt)
            .Select(s => new SurveyRow(s.Id, db.SurveyDefinitions.Where(d => d.Id == s.DefinitionId).Select(d => d.Kind).First(), s.Status, s.SentAt, s.CompletedAt,
                db.SurveyAnswers.Count(a => a.InstanceId == s.Id)))
            .ToListAsync(cancellationToken);
        Prompts = await db.ScheduledPrompts.Where(s => s.ParticipantId == id).OrderByDescending(s => s.DueAt).ToListAsync(cancellationToken);

        var coordinatorIds = handovers.Where(h => h.CoordinatorId != null).Select(h => h.CoordinatorId!.Value).ToList();
        var messages = await db.Messages.Where(m => m.ParticipantId == id).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        coordinatorIds.AddRange(messages.Where(m => m.CoordinatorId != null).Select(m => m.CoordinatorId!.Value));
        var coordinators = await db.Coordinators.Where(c => coordinatorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);
        Transcript = [.. messages.Select(m => TranscriptItem.Of(m, m.CoordinatorId is { } c ? coordinators.GetValueOrDefault(c) : null)),
            .. handovers.SelectMany(h => TranscriptItem.Of(h, h.CoordinatorId is { } c ? coordinators.GetValueOrDefault(c) : null))];
        Transcript = [.. Transcript.OrderBy(t => t.At)];
        Twins = await bilingual.ReadAsync(messages, text.Language, cancellationToken);
        ReplyChoices = readyReplies.For(person.PreferredLanguage, text.Language);
        ReplyLanguages = readyReplies.Languages();

        audit.Add(access, "profile.viewed", "participant", id, person.BranchId);
        audit.Add(access, "transcript.viewed", "participant", id, person.BranchId, new { messages = messages.Count });
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostTakeOverAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async (access, person) => { await takeOver.TakeOverAsync(access, person, cancellationToken); return "person.notice.taken_over"; }, cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(Guid id, string? text, string? language, CancellationToken cancellationToken) =>
        ActAsync(id, async (access, person) => NoticeOf(await takeOver.ReplyAsync(access, person, text ?? "", language, cancellationToken)), cancellationToken);

    /// <summary>A ready-made reply, sent in her language.</summary>
    public Task<IActionResult> OnPostReadyReplyAsync(Guid id, string? replyKey, CancellationToken cancellationToken) =>
        ActAsync(id, async (access, person) => NoticeOf(await takeOver.ReplyReadyAsync(access, person, replyKey ?? "", cancellationToken)), cancellationToken);

    static string NoticeOf(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Sent => "person.notice.sent",
        ReplyOutcome.Empty => "person.error.empty",
        ReplyOutcome.TooLong => "person.error.too_long",
        ReplyOutcome.NotTakenOver => "person.error.not_taken_over",
        ReplyOutcome.OptedOut => "person.error.opted_out",
        _ => "person.error.no_channel",
    };

    public Task<IActionResult> OnPostHandBackAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async (access, person) => { await takeOver.HandBackAsync(access, person, cancellationToken); return "person.notice.handed_back"; }, cancellationToken);

    /// <summary>A failed prompt is due again now, with its full tries: the dispatcher sends it on its next round.</summary>
    public Task<IActionResult> OnPostRetryPromptAsync(Guid id, Guid promptId, CancellationToken cancellationToken) =>
        ActAsync(id, async (access, person) => await prompts.RetryAsync(promptId, person.Id, access.CoordinatorId, person.BranchId, cancellationToken)
            ? "person.notice.retried"
            : "person.error.not_failed", cancellationToken);

    /// <summary>
    /// Her data as a JSON download (GDPR art. 20). A POST, so the download is a deliberate act behind the
    /// anti-forgery token; the file is named by her id only. PersonExport writes the audit row.
    /// </summary>
    public async Task<IActionResult> OnPostExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        return await export.ExportJsonAsync(id, access, cancellationToken) is { } json
            ? File(json, "application/json; charset=utf-8", $"mentorbot-person-{id}.json")
            : NotFound();
    }

    async Task<IActionResult> ActAsync(Guid id, Func<BranchScope, Participant, Task<string>> act, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        if (await FindAsync(access, id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Notice = await act(access, person);
        return RedirectToPage("/Person", new { id });
    }

    Task<Participant?> FindAsync(BranchScope access, Guid id, CancellationToken cancellationToken) =>
        access.Filter(db.Participants).Include(p => p.Branch).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public sealed record MatchRow(Match Match, Guid OtherId, string? OtherName, bool OtherVisible);

    public sealed record SurveyRow(Guid Id, SurveyKind Kind, SurveyInstanceStatus Status, DateTimeOffset SentAt, DateTimeOffset? CompletedAt, int Answers);

    /// <summary>A line of the transcript: a message, or a handover moment (asked for, taken over, handed back).</summary>
    public sealed record TranscriptItem(DateTimeOffset At, Message? Message, string? HandoverKey, string? Coordinator)
    {
        public static TranscriptItem Of(Message message, string? coordinator) => new(message.CreatedAt, message, null, coordinator);

        public static IEnumerable<TranscriptItem> Of(Handover handover, string? coordinator)
        {
            yield return new(handover.RequestedAt, null, "transcript.handover.requested", null);
            if (handover.TakenOverAt is { } taken)
            {
                yield return new(taken, null, "transcript.handover.taken_over", coordinator);
            }

            if (handover.ReleasedAt is { } released)
            {
                yield return new(released, null, "transcript.handover.released", coordinator);
            }
        }
    }
}
