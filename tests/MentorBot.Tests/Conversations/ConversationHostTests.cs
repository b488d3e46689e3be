using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Data.Model;
using MentorBot.Tests.Dialogs;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// The host around the pure engine, on a real database: every turn is a new unit of work (as after a
/// restart), so everything the conversation needs must have been saved.
/// </summary>
public sealed class ConversationHostTests(PostgresFixture postgres)
{
    static readonly Lazy<DialogLibrary> Library = new(() => new DialogLibrary(
        DialogDefinitionLoader.LoadDirectory(TestDialogs.Folder),
        LocaleCatalogLoader.Load(TestPaths.Locales, TestPaths.InTestData("Transcripts", "locales")),
        new DialogLibraryOptions { FirstContactDialog = "sample_signup", MenuDialog = "sample_signup" }));

    /// <summary>The engine's test dialogs (sample_signup and one per step kind) with the real and the test-only texts.</summary>
    public static DialogLibrary TestLibrary => Library.Value;

    readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 11, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_signup_survives_a_new_unit_of_work_on_every_turn_and_fills_the_profile()
    {
        var chat = await NewChatAsync("en", consented: true);

        Assert.Equal(["Welcome to the Mentor Network! I will ask you a few short questions so we can find a mentor for you.", "What is your first name?"], await chat.SayAsync("hello"));
        Assert.StartsWith("Thank you, Amal.", (await chat.SayAsync("Amal"))[0]);
        await chat.SayAsync("1");
        await chat.SayAsync("1 3 5");
        await chat.SayAsync("4");
        await chat.SayAsync("tomorrow");
        await chat.SayAsync("2");
        var last = await chat.SayAsync("yes");

        Assert.Equal("Good news! These mentors match you: Hanne, Mette. Log in to the website to contact them.", last[0]);
        await using var db = TestDb.Open(chat.Database);
        var person = await db.Participants.Include(p => p.Profile).SingleAsync();
        Assert.Equal(("Amal", "it"), (person.DisplayName, person.Profile!.ProfessionalField));
        var session = await db.DialogSessions.SingleAsync();
        Assert.Equal((DialogSessionStatus.Completed, "done"), (session.Status, session.StepId));
        using var state = System.Text.Json.JsonDocument.Parse(session.State);
        Assert.Equal("job,network,career", state.RootElement.GetProperty("values").GetProperty("answers.goals").GetString());
    }

    [Fact]
    public async Task Without_consent_nothing_she_says_reaches_her_profile_and_a_refusal_keeps_nothing()
    {
        var chat = await NewChatAsync("en");
        foreach (var line in new[] { "hello", "Amal", "1", "1 3 5", "4", "tomorrow", "2" })
        {
            await chat.SayAsync(line);
        }

        await using (var db = TestDb.Open(chat.Database))
        {
            var person = await db.Participants.Include(p => p.Profile).SingleAsync();
            Assert.Null(person.DisplayName);
            Assert.Null(person.Profile);
        }

        Assert.Equal("We respect that. We will not save your answers. Write START if you change your mind.", (await chat.SayAsync("no"))[0]);
        await using var after = TestDb.Open(chat.Database);
        var session = await after.DialogSessions.SingleAsync();
        Assert.DoesNotContain("Amal", session.State);
        Assert.Null((await after.Participants.SingleAsync()).DisplayName);
    }

    [Fact]
    public async Task Switching_language_mid_dialog_is_saved_on_the_person_and_the_dialog_goes_on()
    {
        var chat = await NewChatAsync("en");
        await chat.SayAsync("hello");

        await chat.SayAsync("Amal");

        await chat.SayAsync("LANGUAGE");
        var reply = await chat.SayAsync("3");

        Assert.Equal("سأكتب لكِ بالعربية من الآن.", reply[0]);
        Assert.StartsWith("شكراً يا Amal. في أي مجال", reply[1]);
        await using var db = TestDb.Open(chat.Database);
        Assert.Equal("ar", (await db.Participants.SingleAsync()).PreferredLanguage);
    }

    [Fact]
    public async Task After_STOP_the_bot_is_silent_until_START()
    {
        var chat = await NewChatAsync("en");
        await chat.SayAsync("hello");

        await chat.SayAsync("STOP");
        var whileStopped = await chat.SayAsync("Amal");
        var afterStart = await chat.SayAsync("START");

        Assert.Empty(whileStopped);
        Assert.Equal(["Welcome back.", "What is your first name?"], afterStart);
        await using var db = TestDb.Open(chat.Database);
        Assert.Null((await db.Participants.SingleAsync()).OptedOutAt);
    }

    [Fact]
    public async Task A_dialog_started_for_her_supersedes_the_one_she_was_in_within_one_save()
    {
        var chat = await NewChatAsync("en");
        await chat.SayAsync("hello");

        await using (var db = TestDb.Open(chat.Database))
        {
            var person = await db.Participants.SingleAsync();
            var conversation = await db.Conversations.SingleAsync();
            var host = new ConversationHost(Library.Value, new DialogActions([]), TestTelemetry.Turns, _clock, NullLogger<ConversationHost>.Instance);
            var reply = await host.StartAsync(db, person, conversation, "kind_ask_text", new Dictionary<string, string>(), CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.NotEmpty(reply.Messages);
        }

        await using var check = TestDb.Open(chat.Database);
        var sessions = await check.DialogSessions.OrderBy(s => s.StartedAt).ThenBy(s => s.Id).Select(s => new { s.DialogId, s.Status }).ToListAsync();
        Assert.Equal(1, sessions.Count(s => s.Status == DialogSessionStatus.Active));
        Assert.Contains(sessions, s => s.DialogId == "sample_signup" && s.Status == DialogSessionStatus.Superseded);
    }

    [Fact]
    public async Task A_person_handed_to_a_coordinator_gets_no_bot_replies()
    {
        var chat = await NewChatAsync("en");
        await chat.SayAsync("hello");
        await using (var db = TestDb.Open(chat.Database))
        {
            db.Handovers.Add(new Handover { ParticipantId = chat.PersonId, RequestedAt = _clock.Now, Status = HandoverStatus.TakenOver });
            await db.SaveChangesAsync();
        }

        Assert.Empty(await chat.SayAsync("Amal"));
    }

    async Task<Chat> NewChatAsync(string language, bool consented = false)
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var db = TestDb.Open(database);
        var person = new Participant { PreferredLanguage = language, CreatedAt = _clock.Now, UpdatedAt = _clock.Now };
        if (consented)
        {
            person.Consents.Add(new Consent { TextVersion = "consent.v1", Language = language, Channel = Channel.Sms, GivenAt = _clock.Now });
        }

        var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = "+4520000001", StartedAt = _clock.Now, LastActivityAt = _clock.Now };
        db.AddRange(person, conversation);
        await db.SaveChangesAsync();
        return new Chat(database, person.Id, conversation.Id, _clock);
    }

    /// <summary>One person texting the bot; each message gets a fresh host and unit of work.</summary>
    internal sealed class Chat(string database, Guid personId, Guid conversationId, TimeProvider clock, DialogLibrary? library = null, DialogActions? actions = null)
    {
        public string Database => database;

        public Guid PersonId => personId;

        /// <summary>Starts a dialog for her as the scheduler would, with the values of its match or event.</summary>
        /// <param name="kind">The prompt kind, as the scheduler passes it (<c>prompt_notice</c> says one thing per kind).</param>
        public async Task<IReadOnlyList<string>> StartAsync(string dialogId, Guid? matchId, Guid? eventId, string? kind = null)
        {
            await using var db = TestDb.Open(database);
            var person = await db.Participants.SingleAsync(p => p.Id == personId);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
            var values = await MentorBot.Bot.Scheduling.PromptValues.ForAsync(db, person, matchId, eventId, CancellationToken.None, kind);

            var reply = await Host().StartAsync(db, person, conversation, dialogId, values, CancellationToken.None);
            await db.SaveChangesAsync();
            return new SmsRenderer(Dialogs.Catalog).Render(reply.Messages);
        }

        public async Task<IReadOnlyList<string>> SayAsync(string text)
        {
            await using var db = TestDb.Open(database);
            var person = await db.Participants.Include(p => p.Profile).Include(p => p.Branch).SingleAsync(p => p.Id == personId);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
            var reply = await Host().ReplyAsync(db, person, conversation, text, CancellationToken.None);
            await db.SaveChangesAsync();
            return new SmsRenderer(Dialogs.Catalog).Render(reply.Messages);
        }

        DialogLibrary Dialogs => library ?? Library.Value;

        /// <summary>A new host for every message, as after a restart.</summary>
        ConversationHost Host() =>
            new(Dialogs, actions ?? new DialogActions([new FixedSuggestions()]), TestTelemetry.Turns, clock, NullLogger<ConversationHost>.Instance);
    }

    /// <summary>Stands in for matching, which is not what these tests are about.</summary>
    sealed class FixedSuggestions : IDialogAction
    {
        public string Name => "get_match_suggestions";

        public Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["found"] = "yes", ["suggestions"] = "Hanne, Mette" });
    }
}
