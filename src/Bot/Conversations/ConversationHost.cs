using System.Text.Json;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Dialogs;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Understanding;
using MentorBot.Bot.Observability;
using MentorBot.Bot.PhoneLinking;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// Runs the pure dialog engine for one person and one message, inside the caller's unit of work: loads
/// her saved dialog, runs the step, the actions it asks for and the dialogs it hands over to, applies
/// what it stored (profile, language, opt-out), and saves the new state. The caller adds the replies
/// to the outbox and commits once, so state and replies are saved together or not at all.
/// One path for every channel.
/// </summary>
public sealed class ConversationHost(DialogLibrary library, DialogActions actions, DialogTurnTelemetry telemetry, TimeProvider clock, ILogger<ConversationHost> logger)
{
    // A dialog that hands over to another which hands back would loop; a real one needs two or three hops.
    const int MaxDialogsPerTurn = 5;

    /// <summary>Known value a dialog can branch on: <c>yes</c> when she chats on the web and has no phone number yet.</summary>
    public const string CanLinkPhone = "profile.can_link_phone";

    static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    readonly DialogEngine _engine = new();

    /// <summary>A message from the person: the next step of her dialog, or the dialog she starts with.</summary>
    /// <param name="languageHints">What her client says about her languages (web chat: the activity's locale and the browser's languages).</param>
    public async Task<ConversationReply> ReplyAsync(MentorBotDb db, Participant person, Conversation conversation, string text, CancellationToken cancellationToken,
        IReadOnlyList<string>? languageHints = null)
    {
        using var recording = telemetry.Start(DialogTurnTelemetry.ReplySpan, conversation.Channel);
        var isNew = IsUnsaved(db, person);
        return recording.Finish(await TakeTurnAsync(db, person, conversation, text, languageHints ?? [], isNew, cancellationToken));
    }

    /// <summary>
    /// Opens the first-contact dialog before she has written anything (web chat greets first), in the
    /// language her client names if the bot speaks it, else with the language question.
    /// </summary>
    public async Task<ConversationReply> GreetAsync(MentorBotDb db, Participant person, Conversation conversation, IReadOnlyList<string> languageHints, CancellationToken cancellationToken)
    {
        var guess = FirstMessageLanguage.Guess("", library.Catalog, languageHints);
        if (guess.Language is { } language)
        {
            person.PreferredLanguage = language;
        }

        return await StartAsync(db, person, conversation, library.Options.FirstContactDialog,
            FirstContact.Values(guess, person.PreferredLanguage, library.Catalog), cancellationToken);
    }

    async Task<ConversationReply> TakeTurnAsync(MentorBotDb db, Participant person, Conversation conversation, string text,
        IReadOnlyList<string> languageHints, bool isNew, CancellationToken cancellationToken)
    {
        if (await IsWithCoordinatorAsync(db, person, isNew, cancellationToken))
        {
            return ConversationReply.WithCoordinator(person.PreferredLanguage); // a coordinator answers her; the bot stays out of it
        }

        await LoadProfileAsync(db, person, isNew, cancellationToken);
        var session = await ActiveSessionAsync(db, person, isNew, cancellationToken);
        var turn = new HostTurn(db, person, conversation, clock.GetUtcNow()) { IsNew = isNew };
        if (person.OptedOutAt is not null)
        {
            if (!IsStart(text))
            {
                return ConversationReply.Silent; // she said STOP: nothing until she says START
            }

            person.OptedOutAt = null;
            person.OptedOutVia = null;
        }

        var signedUp = person.Status != ParticipantStatus.SigningUp;
        var outcome = TurnOutcome.DialogStarted;
        string dialogId;
        QuestionReply? answer = null;
        if (session is null || (signedUp && Command(text) is GlobalCommand.Restart))
        {
            // MENU takes a signed-up person to the main menu from anywhere; during signup it restarts the signup (the engine's rule).
            if (session is not null)
            {
                session.Status = DialogSessionStatus.Superseded;
                session.EndedAt = turn.Now;
            }

            dialogId = signedUp ? library.Options.MenuDialog : library.Options.FirstContactDialog;
            await StartAsync(turn, dialogId, signedUp ? new Dictionary<string, string>() : Welcome(person, text, languageHints), cancellationToken);
        }
        else
        {
            var definition = library.Get(session.DialogId);
            var state = JsonSerializer.Deserialize<DialogState>(session.State, StateJson)!;
            var stepped = _engine.Step(definition, state, text, Context(turn));
            (dialogId, outcome, answer) = (definition.Id, OutcomeOf(stepped), stepped.Reply);
            if (outcome == TurnOutcome.NotUnderstood && FirstContact.IsStillOpen(state, library.Options.FirstContactDialog)
                && FirstMessageLanguage.Guess(text, library.Catalog, languageHints) is var guess && FirstContact.Changes(guess, state, person.PreferredLanguage))
            {
                // Web chat greeted her in her browser's language (or SMS could not place "hi"), and what she then
                // wrote is in another language: welcome her again in that one rather than say "not understood".
                session.Status = DialogSessionStatus.Superseded;
                session.EndedAt = turn.Now;
                outcome = TurnOutcome.DialogStarted;
                await StartAsync(turn, definition.Id, Welcome(person, text, languageHints), cancellationToken);
            }
            else
            {
                await ContinueAsync(turn, session, definition, stepped, cancellationToken);
            }
        }

        return new ConversationReply(turn.Messages)
        {
            MergedInto = await MergeAsync(turn, cancellationToken), Outcome = outcome, DialogId = dialogId, Answer = answer,
        };
    }

    /// <summary>Her first message read for its language: she is answered in it when it is clear.</summary>
    Dictionary<string, string> Welcome(Participant person, string text, IReadOnlyList<string> languageHints)
    {
        var guess = FirstMessageLanguage.Guess(text, library.Catalog, languageHints);
        if (guess.Language is { } language && language != person.PreferredLanguage)
        {
            person.PreferredLanguage = language;
        }

        return FirstContact.Values(guess, person.PreferredLanguage, library.Catalog);
    }

    static TurnOutcome OutcomeOf(DialogTurn stepped) => stepped switch
    {
        { Reply.Understood: true } => TurnOutcome.Answered,
        { Reply.Understood: false } => TurnOutcome.NotUnderstood,
        _ when stepped.Events.Any(e => e is GlobalCommandReceived or LanguageChanged) => TurnOutcome.Command,
        _ => TurnOutcome.Other,
    };

    /// <summary>
    /// Last in the turn, when an action found her known twice: what the turn changed is saved, then the
    /// two participants become one (<see cref="ParticipantMerge"/>). Returns the survivor, or null.
    /// </summary>
    static async Task<Participant?> MergeAsync(HostTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Merge is not { } merge)
        {
            return null;
        }

        await turn.Db.SaveChangesAsync(cancellationToken);
        await ParticipantMerge.RunAsync(turn.Db, merge, turn.Now, cancellationToken);
        var survivor = merge.Into == turn.Person.Id
            ? turn.Person
            : await turn.Db.Participants.Include(p => p.Profile).Include(p => p.Branch).SingleAsync(p => p.Id == merge.Into, cancellationToken);
        return survivor;
    }

    /// <summary>Starts a dialog for her (a prompt from the scheduler, a coordinator's action), with values it needs.</summary>
    public async Task<ConversationReply> StartAsync(MentorBotDb db, Participant person, Conversation conversation, string dialogId,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        await StartAsync(db, person, conversation, await ActiveSessionAsync(db, person, IsUnsaved(db, person), cancellationToken), dialogId, values, cancellationToken);

    /// <summary>
    /// Starts a dialog for her when her active dialog, if any, was read already (tracked by <paramref name="db"/>): a
    /// batch of prompts reads all its people's at once, where one query each cost 2,000 round trips per 2,000 prompts.
    /// </summary>
    /// <param name="running">Her active dialog, which the new one supersedes; null when she has none.</param>
    public async Task<ConversationReply> StartAsync(MentorBotDb db, Participant person, Conversation conversation, DialogSession? running,
        string dialogId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        using var recording = telemetry.Start(DialogTurnTelemetry.StartSpan, conversation.Channel);
        var isNew = IsUnsaved(db, person);
        await LoadProfileAsync(db, person, isNew, cancellationToken);
        var turn = new HostTurn(db, person, conversation, clock.GetUtcNow()) { IsNew = isNew };
        if (running is not null)
        {
            running.Status = DialogSessionStatus.Superseded;
            running.EndedAt = turn.Now;
        }

        await StartAsync(turn, dialogId, values, cancellationToken);
        return recording.Finish(new ConversationReply(turn.Messages) { Outcome = TurnOutcome.Prompted, DialogId = dialogId });
    }

    async Task StartAsync(HostTurn turn, string dialogId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var definition = library.Get(dialogId);
        var session = new DialogSession
        {
            ParticipantId = turn.Person.Id,
            DialogId = definition.Id,
            DialogVersion = definition.Version,
            StepId = definition.Start,
            StartedAt = turn.Now,
            UpdatedAt = turn.Now,
        };
        turn.Db.DialogSessions.Add(session);
        turn.Given = values;
        var started = _engine.Start(definition, Context(turn));
        // What the host gave (a mentor's name, an event's date) must outlive this turn: keep it in the state.
        var keptValues = new Dictionary<string, string>(values);
        foreach (var (name, value) in started.NewState.Values)
        {
            keptValues[name] = value;
        }

        var kept = started.NewState with { Values = keptValues };
        await ContinueAsync(turn, session, definition, started with { NewState = kept }, cancellationToken);
    }

    async Task ContinueAsync(HostTurn turn, DialogSession session, DialogDefinition definition, DialogTurn result, CancellationToken cancellationToken)
    {
        while (true)
        {
            turn.Messages.AddRange(result.Messages);
            string? next = null;
            foreach (var @event in result.Events)
            {
                var handOver = await ApplyAsync(turn, @event, cancellationToken);
                next ??= handOver;
            }

            if (result.Action is { } pending)
            {
                var values = await RunActionAsync(turn, pending, result.NewState, cancellationToken);
                await SaveHeldAnswersAsync(turn, result.NewState, cancellationToken);
                result = _engine.Resume(definition, result.NewState, new ActionResult(values), Context(turn));
                continue;
            }

            if (result.Ended && !await HasConsentAsync(turn, cancellationToken))
            {
                // A dialog that ended without her consent (she said no) keeps nothing she told it.
                result = result with { NewState = result.NewState with { Values = new Dictionary<string, string>() } };
            }

            Save(session, result, turn.Now);
            if (next is null || ++turn.DialogsStarted > MaxDialogsPerTurn)
            {
                return;
            }

            session.Status = DialogSessionStatus.Completed;
            await StartAsync(turn, next, new Dictionary<string, string>(), cancellationToken);
            return;
        }
    }

    async Task<Dictionary<string, string>> RunActionAsync(HostTurn turn, PendingAction pending, DialogState state, CancellationToken cancellationToken)
    {
        var known = ProfileTargets.Read(turn.Person);
        foreach (var (name, value) in state.Values)
        {
            known[name] = value;
        }

        var context = new DialogActionContext(turn.Db, turn.Person, turn.Conversation, pending.Arguments, known, turn.Now, library);
        logger.LogInformation("Dialog {Dialog} runs action {Action}", state.DialogId, pending.Name);
        var results = new Dictionary<string, string>(await actions.Get(pending.Name).RunAsync(context, cancellationToken));
        turn.Merge = context.Merge ?? turn.Merge;
        return results;
    }

    /// <summary>Applies one event; returns the dialog to start next when the event asks for one.</summary>
    async Task<string?> ApplyAsync(HostTurn turn, DialogEvent @event, CancellationToken cancellationToken)
    {
        var person = turn.Person;
        switch (@event)
        {
            case AnswerStored { Target: var target, Value: var value } when target.StartsWith(ProfileTargets.Prefix, StringComparison.Ordinal):
                // Before she consents, her answers stay in the dialog's state only (and are dropped if she says no).
                if (await HasConsentAsync(turn, cancellationToken))
                {
                    await WriteProfileAsync(turn, target, value, cancellationToken);
                }

                break;
            case LanguageChanged { Language: var language }:
                person.PreferredLanguage = language;
                person.UpdatedAt = turn.Now;
                break;
            case GlobalCommandReceived { Command: GlobalCommand.Stop }:
                person.OptedOutAt ??= turn.Now;
                person.OptedOutVia ??= turn.Conversation.Channel;
                break;
            case GlobalCommandReceived { Command: GlobalCommand.Start }:
                person.OptedOutAt = null;
                person.OptedOutVia = null;
                break;
            case GotoDialogRequested { DialogId: var dialogId }:
                return dialogId;
        }

        return null;
    }

    /// <summary>Once she has consented (the action may just have recorded it), the profile answers held in the dialog are saved.</summary>
    async Task SaveHeldAnswersAsync(HostTurn turn, DialogState state, CancellationToken cancellationToken)
    {
        if (!await HasConsentAsync(turn, cancellationToken))
        {
            return;
        }

        foreach (var (target, value) in state.Values.Where(v => ProfileTargets.IsKnown(v.Key)))
        {
            await WriteProfileAsync(turn, target, value, cancellationToken);
        }
    }

    static async Task WriteProfileAsync(HostTurn turn, string target, string value, CancellationToken cancellationToken)
    {
        if (ProfileTargets.IsBranch(target))
        {
            turn.Person.Branch = await turn.Db.Branches.FirstOrDefaultAsync(b => b.Code == value, cancellationToken) ?? turn.Person.Branch;
            return;
        }

        ProfileTargets.Write(turn.Person, target, value, turn.Now);
    }

    static async Task<bool> HasConsentAsync(HostTurn turn, CancellationToken cancellationToken)
    {
        var id = turn.Person.Id;
        return turn.Db.Tracked<Consent>().Any(c => c.ParticipantId == id && c.WithdrawnAt == null)
            || (!turn.IsNew && await turn.Db.Consents.AnyAsync(c => c.ParticipantId == id && c.WithdrawnAt == null, cancellationToken));
    }

    static void Save(DialogSession session, DialogTurn result, DateTimeOffset now)
    {
        session.State = JsonSerializer.Serialize(result.NewState, StateJson);
        session.StepId = result.NewState.StepId;
        session.DialogVersion = result.NewState.DialogVersion;
        session.UpdatedAt = now;
        // STOP ends the turn but not the dialog: after START she goes on where she was.
        var stopped = result.Events.Any(e => e is GlobalCommandReceived { Command: GlobalCommand.Stop });
        if (result.Ended && !stopped && session.Status == DialogSessionStatus.Active)
        {
            session.Status = DialogSessionStatus.Completed;
            session.EndedAt = now;
        }
    }

    DialogContext Context(HostTurn turn)
    {
        var known = ProfileTargets.Read(turn.Person);
        foreach (var (name, value) in turn.Given)
        {
            known[name] = value;
        }

        // Linking a phone is offered to a web-chat user who has none (see dialogs/menu.yaml).
        if (turn.Conversation.Channel == Channel.WebChat && turn.Person.Phone is null)
        {
            known[CanLinkPhone] = "yes";
        }

        var zone = Branch.ZoneOf(turn.Person.Branch);
        return new DialogContext(turn.Now, zone, turn.Person.PreferredLanguage, library.Catalog, known);
    }

    bool IsStart(string text) => Command(text) is GlobalCommand.Start;

    GlobalCommand? Command(string text) => GlobalCommandReader.Read(text, library.Catalog)?.Command;

    /// <summary>Dialogs read and write her profile and branch: have them loaded (a no-op when the caller did).</summary>
    static async Task LoadProfileAsync(MentorBotDb db, Participant person, bool isNew, CancellationToken cancellationToken)
    {
        var entry = db.Entry(person);
        if (!isNew)
        {
            await entry.Reference(p => p.Profile).LoadAsync(cancellationToken);
            await entry.Reference(p => p.Branch).LoadAsync(cancellationToken);
        }
    }

    // Someone this turn created (her first message) has nothing in the database yet: no dialog, no coordinator, no
    // profile, no consent to read there. Skipping those reads saves four round trips on every first contact.
    static bool IsUnsaved(MentorBotDb db, Participant person) => db.Entry(person).State == EntityState.Added;

    static async Task<DialogSession?> ActiveSessionAsync(MentorBotDb db, Participant person, bool isNew, CancellationToken cancellationToken) =>
        isNew
            ? db.Tracked<DialogSession>().FirstOrDefault(s => s.ParticipantId == person.Id && s.Status == DialogSessionStatus.Active)
            : await db.DialogSessions.FirstOrDefaultAsync(s => s.ParticipantId == person.Id && s.Status == DialogSessionStatus.Active, cancellationToken);

    static async Task<bool> IsWithCoordinatorAsync(MentorBotDb db, Participant person, bool isNew, CancellationToken cancellationToken) =>
        !isNew && await db.Handovers.AnyAsync(h => h.ParticipantId == person.Id && h.Status != HandoverStatus.Released, cancellationToken);

    /// <summary>The unit of work and what this turn has produced so far.</summary>
    sealed class HostTurn(MentorBotDb db, Participant person, Conversation conversation, DateTimeOffset now)
    {
        public MentorBotDb Db { get; } = db;
        public Participant Person { get; } = person;
        public Conversation Conversation { get; } = conversation;
        public DateTimeOffset Now { get; } = now;

        /// <summary>She was created in this unit of work: nothing in the database refers to her yet.</summary>
        public bool IsNew { get; init; }

        public List<OutboundMessage> Messages { get; } = [];
        public IReadOnlyDictionary<string, string> Given { get; set; } = new Dictionary<string, string>();
        public int DialogsStarted { get; set; }

        public ParticipantMergeRequest? Merge { get; set; }
    }
}
