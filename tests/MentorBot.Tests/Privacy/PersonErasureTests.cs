using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MentorBot.Bot.Access;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Privacy;
using MentorBot.Bot.Scheduling;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Privacy;

/// <summary>Erasure (GDPR art. 17) after a real life in MentorBot: nothing of her name or number is left anywhere in the database.</summary>
public sealed class PersonErasureTests(PostgresFixture postgres)
{
    const string Phone = "+4529187364";
    const string ArabicName = "زليخة";
    const string LatinName = "Quorvanda";
    const string Name = ArabicName + " " + LatinName;

    /// <summary>The new number she links from her web chat, in the form she types it.</summary>
    const string NewPhoneTyped = "28 76 54 32";

    const string NewPhone = "+4528765432";

    /// <summary>
    /// Her numbers as they may be written anywhere (E.164, without +, national, spaced), the one she signed up with
    /// and the one she linked later, and both scripts of her name.
    /// </summary>
    static readonly string[] Traces = ["29187364", "29 18 73 64", "2918 7364", "28765432", NewPhoneTyped, ArabicName, LatinName];

    [Fact]
    public async Task An_erased_mentee_leaves_no_trace_of_her_name_or_number_in_a_full_database_dump()
    {
        var database = await postgres.CreateDatabaseAsync();
        await SignUpBySmsAsync(database);
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var (herId, matchId) = await LiveThroughTheProgramAsync(database, clock);
        await QueueAsync(database, NewPhone, $"مرحبا {Name}، لا تنسي الموعد"); // a reply still waiting in the outbox, to the number she has now

        var before = await DatabaseDump.FullAsync(database);
        Assert.All(Traces, trace => Assert.Contains(trace, before)); // the dump can see her: the assertions below can fail
        await using (var db = TestDb.Open(database))
        {
            Assert.True(await db.ChannelIdentities.AnyAsync(i => i.ParticipantId == herId), "a channel identity");
            Assert.True(await db.SurveyAnswers.AnyAsync(), "survey answers");
            Assert.True(await db.MeetingReports.CountAsync() == 2, "both sides' reports");
            Assert.True(await db.EventRegistrations.AnyAsync(r => r.ParticipantId == herId && r.ChildrenAges.Count > 0), "an event registration with her children's ages");
            Assert.True(await db.ScheduledPrompts.AnyAsync(p => p.ParticipantId == herId && p.Status == PromptStatus.Scheduled), "scheduled prompts");
            Assert.True(await db.DialogSessions.AnyAsync(s => s.ParticipantId == herId), "dialog sessions");
            Assert.True(await db.PhoneVerifications.AnyAsync(v => v.ParticipantId == herId && v.VerifiedAt != null), "her phone link's code");
            Assert.True(await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'retention'") == 1, "the daily retention job is among Hangfire's recurring jobs");
        }

        // Her transcript keeps what the bot's messages were made from (her name in the summary's arguments) and how her answers were read.
        Assert.True(await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM messages WHERE participant_id = '{herId}' AND message_args IS NOT NULL") > 0, "bot messages with arguments");
        Assert.True(await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM messages WHERE participant_id = '{herId}' AND answer_reading IS NOT NULL") > 0, "answers with their reading");
        var surveyAnswers = await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM survey_answers");
        var coordinator = Guid.CreateVersion7();
        ErasureResult first, second;
        await using (var db = TestDb.Open(database))
        {
            var erasure = new PersonErasure(db, clock, NullLogger<PersonErasure>.Instance);
            Assert.Equal(ErasureOutcome.NotFound, (await erasure.EraseAsync(herId, BranchScope.Coordinator(coordinator, [Guid.CreateVersion7()]), CancellationToken.None)).Outcome);
            first = await erasure.EraseAsync(herId, BranchScope.Admin(coordinator), CancellationToken.None);
            second = await erasure.EraseAsync(herId, BranchScope.Admin(coordinator), CancellationToken.None);
        }

        Assert.Equal((ErasureOutcome.Erased, ErasureOutcome.AlreadyErased), (first.Outcome, second.Outcome));
        var after = await DatabaseDump.FullAsync(database);
        Assert.All(Traces, trace => Assert.DoesNotContain(trace, after));

        await using var check = TestDb.Open(database);
        var her = await check.Participants.SingleAsync(p => p.Id == herId);
        Assert.Equal((ParticipantStatus.Erased, null, null), (her.Status, her.DisplayName, her.Phone));
        Assert.Equal(surveyAnswers, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM survey_answers")); // anonymous statistics stay
        var match = await check.Matches.SingleAsync(m => m.Id == matchId);
        Assert.Equal((MatchStatus.Ended, "participant_erased"), (match.Status, match.EndReason));
        Assert.All(await check.Consents.Where(c => c.ParticipantId == herId).ToListAsync(), c => Assert.NotNull(c.WithdrawnAt));
        Assert.DoesNotContain(await check.ScheduledPrompts.Where(p => p.ParticipantId == herId || p.MatchId == matchId).ToListAsync(), p => p.Status is PromptStatus.Scheduled or PromptStatus.Deferred);
        Assert.DoesNotContain(await check.Messages.Where(m => m.ParticipantId == herId).ToListAsync(), m => m.DeliveryStatus == DeliveryStatus.Queued || m.Text != PersonErasure.ErasedText);
        // The arguments and readings go with the text; the keys stay (they name no one), so the console still shows what kind of message it was.
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM messages WHERE participant_id = '{herId}' AND (message_args IS NOT NULL OR answer_reading IS NOT NULL)"));
        Assert.True(await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM messages WHERE participant_id = '{herId}' AND message_key IS NOT NULL") > 0, "keys stay");
        // Her partner's message keeps its arguments, without her name in them.
        Assert.Equal("{\"note\": \"Write to [erased] soon!\", \"mentee_name\": \"[erased]\"}",
            await TestSql.ScalarAsync<string>(database, "SELECT message_args::text FROM messages WHERE message_key = 'matching.request_to_mentor'"));
        var audit = await check.AuditLog.Where(a => a.SubjectId == herId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["participant.exported", "participant.erased", "participant.erasure_repeated"], audit);
    }

    /// <summary>She signs up in Arabic on the test phone (signed webhooks through the real inbound path) and writes on WhatsApp too, with the scheduler running.</summary>
    static async Task SignUpBySmsAsync(string database)
    {
        var environment = new Dictionary<string, string?>(Simulator(database)) { ["Scheduler__Enabled"] = "true" };
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        // "مرحبا" places her in Arabic at once: the welcome asks her role without a language menu.
        foreach (var text in new[] { "مرحبا", "١", Name, "١", "Valby", "٦", "٢", "ممرضة", "٦", "١ ٣ ٥", "١ ١١", "٢", "نعم", "نعم" })
        {
            using var sent = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = Phone, body = text });
            Assert.Equal(200, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookStatus").GetInt32());
        }

        using var whatsApp = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = "whatsapp:" + Phone, body = $"أنا {Name}، رقمي 29 18 73 64 أو 2918 7364" });
        Assert.Equal(200, (await whatsApp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookStatus").GetInt32());
        await Eventually(async () => await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM messages WHERE delivery_status = 'queued'") == 0, "the outbox sent every reply");
    }

    /// <summary>
    /// A mentor accepts her and both get the introduction (his gives her number), she answers the start survey, both
    /// report a meeting, she registers for an event, and from her web chat she links a new number; a handover is added.
    /// </summary>
    static async Task<(Guid Her, Guid Match)> LiveThroughTheProgramAsync(string database, FixedClock clock)
    {
        Participant her, mentor;
        Conversation herSms, mentorSms;
        Match match;
        Event @event;
        Conversation webChat;
        await using (var db = TestDb.Open(database))
        {
            her = await db.Participants.Include(p => p.Branch).SingleAsync(p => p.Phone == Phone);
            Assert.Equal((Name, ParticipantStatus.Active), (her.DisplayName, her.Status));
            herSms = await db.Conversations.SingleAsync(c => c.ParticipantId == her.Id && c.Channel == Channel.Sms);
            mentor = new Participant { BranchId = her.BranchId, Role = ParticipantRole.Mentor, DisplayName = "Hanne Mentorsen", Phone = "+4531000001", PreferredLanguage = "en", Status = ParticipantStatus.Active, CreatedAt = clock.Now, UpdatedAt = clock.Now };
            mentorSms = new Conversation { ParticipantId = mentor.Id, Channel = Channel.Sms, ChannelConversationId = mentor.Phone, StartedAt = clock.Now, LastActivityAt = clock.Now };
            match = new Match { BranchId = her.BranchId!.Value, MenteeId = her.Id, MentorId = mentor.Id, Status = MatchStatus.Requested, RequestedAt = clock.Now };
            @event = new Event { BranchId = her.BranchId!.Value, Title = "Kollektiv mentoring", StartsAt = clock.Now.AddDays(7), GuestsAllowed = true, ChildcareOffered = true, Capacity = 100, CreatedAt = clock.Now };
            // What the match request to the mentor said, as the prompt sender stores it.
            // Its key and arguments too (migration 0013): the console renders it again from them, so they hold her name as well.
            var toMentor = new Message { ConversationId = mentorSms.Id, ParticipantId = mentor.Id, Channel = Channel.Sms, Direction = MessageDirection.Outbound, Author = MessageAuthor.Bot, Text = $"{Name} would like you as her mentor. Write to {LatinName} soon!", DeliveryStatus = DeliveryStatus.Delivered, CreatedAt = clock.Now, UpdatedAt = clock.Now,
                MessageKey = "matching.request_to_mentor", MessageArgs = JsonSerializer.Serialize(new Dictionary<string, string> { ["mentee_name"] = Name, ["note"] = $"Write to {LatinName} soon!" }) };
            // Her web chat: identity, thread, message and Direct Line activity.
            webChat = new Conversation { ParticipantId = her.Id, Channel = Channel.WebChat, ChannelConversationId = "dl-" + LatinName, StartedAt = clock.Now, LastActivityAt = clock.Now };
            var webMessage = new Message { ConversationId = webChat.Id, ParticipantId = her.Id, Channel = Channel.WebChat, Direction = MessageDirection.Inbound, Author = MessageAuthor.Participant, Text = $"مرحبا، أنا {Name}", DeliveryStatus = DeliveryStatus.Received, CreatedAt = clock.Now, UpdatedAt = clock.Now };
            var activity = new DirectLineActivity { ConversationId = webChat.Id, MessageId = webMessage.Id, Activity = JsonSerializer.Serialize(new { type = "message", text = webMessage.Text, from = new { id = "user-" + LatinName, name = Name } }), CreatedAt = clock.Now };
            var identity = new ChannelIdentity { ParticipantId = her.Id, Channel = Channel.WebChat, Address = "user-" + LatinName, CreatedAt = clock.Now };
            // A coordinator's free-text reason, as the console may write one (handed back, so the bot answers her again).
            var handover = new Handover { ParticipantId = her.Id, Status = HandoverStatus.Released, Reason = $"{LatinName} ringede fra 29 18 73 64", RequestedAt = clock.Now, TakenOverAt = clock.Now, ReleasedAt = clock.Now };
            db.AddRange(mentor, mentorSms, match, @event, toMentor, webChat, webMessage, activity, identity, handover);
            await db.SaveChangesAsync();
        }

        var mentorChat = new ConversationHostTests.Chat(database, mentor.Id, mentorSms.Id, clock, RealDialogTests.RealLibrary, DialogActions.All());
        await mentorChat.StartAsync("match_request", match.Id, eventId: null);
        await mentorChat.SayAsync("1"); // accepts: the match starts and its prompts are planned
        // The introduction the match planned, sent as the scheduler sends it: his tells him how to reach her.
        await using (var db = TestDb.Open(database))
        {
            var introduction = await db.ScheduledPrompts.SingleAsync(p => p.MatchId == match.Id && p.ParticipantId == mentor.Id && p.Kind == PromptKinds.Introduction);
            var host = new ConversationHost(RealDialogTests.RealLibrary, DialogActions.All(), TestTelemetry.Turns, clock, NullLogger<ConversationHost>.Instance);
            await new DialogPromptSender(host, new ReplyOutbox(RealDialogTests.RealLibrary), clock)
                .SendAsync(db, introduction, await db.Participants.SingleAsync(p => p.Id == mentor.Id), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM messages WHERE participant_id = '{mentor.Id}' AND strpos(text, '{Phone}') > 0"));
        await mentorChat.StartAsync("meeting_report", match.Id, eventId: null);
        foreach (var line in new[] { "yes", "2", "1 3", $"Good talk with {LatinName}", "skip" })
        {
            await mentorChat.SayAsync(line);
        }

        var herChat = new ConversationHostTests.Chat(database, her.Id, herSms.Id, clock, RealDialogTests.RealLibrary, DialogActions.All());
        await herChat.StartAsync("start_survey", match.Id, eventId: null);
        foreach (var line in new[] { "2", "1", "2", "2", "3", "4" })
        {
            await herChat.SayAsync(line);
        }

        await herChat.StartAsync("meeting_report", match.Id, eventId: null);
        foreach (var line in new[] { "نعم", "2", "1 3", $"التقيت مع Hanne. أنا {Name}", "تخطي" })
        {
            await herChat.SayAsync(line);
        }

        await herChat.StartAsync("event_invitation", matchId: null, @event.Id);
        foreach (var line in new[] { "نعم", "2", "نعم", "3 7" })
        {
            await herChat.SayAsync(line);
        }

        // From her web chat she links the new number she has now: the code goes to it by SMS and she types it back.
        var herWeb = new ConversationHostTests.Chat(database, her.Id, webChat.Id, clock, RealDialogTests.RealLibrary, DialogActions.All());
        await herWeb.StartAsync("link_phone", matchId: null, eventId: null);
        await herWeb.SayAsync(NewPhoneTyped);
        await herWeb.SayAsync(await SentCodeAsync(database, NewPhone));
        await using (var db = TestDb.Open(database))
        {
            Assert.Equal(NewPhone, (await db.Participants.SingleAsync(p => p.Id == her.Id)).Phone);
        }

        // The console exports her data first (art. 20); her name is written as she wrote it, her phone link is in it.
        await using (var db = TestDb.Open(database))
        {
            var json = await new PersonExport(db, clock).ExportJsonAsync(her.Id, BranchScope.Admin(Guid.CreateVersion7()), CancellationToken.None);
            var text = Encoding.UTF8.GetString(json!);
            Assert.Contains($"\"display_name\": \"{Name}\"", text);
            Assert.Contains("\"partner_first_name\": \"Hanne\"", text);
            Assert.DoesNotContain("Mentorsen", text);
            Assert.Contains("\"phone_verifications\": [", text);
            Assert.Contains($"\"phone\": \"{NewPhone}\"", text);
        }

        return (her.Id, match.Id);
    }

    /// <summary>The six-digit code in the SMS queued to <paramref name="phone"/>.</summary>
    static async Task<string> SentCodeAsync(string database, string phone)
    {
        await using var db = TestDb.Open(database);
        var sms = await db.Messages.Where(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued)
            .Join(db.Conversations.Where(c => c.Channel == Channel.Sms && c.ChannelConversationId == phone), m => m.ConversationId, c => c.Id, (m, _) => m)
            .OrderByDescending(m => m.CreatedAt).FirstAsync();
        return System.Text.RegularExpressions.Regex.Match(sms.Text, "[0-9]{6}").Value;
    }
}
