using System.Net;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>What a coordinator changes from the console, checked in the database: match status changes, blocked pairs, a retried prompt, a web-chat answer, and their audit rows.</summary>
public sealed class ConsoleActionsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Ending_and_blocking_matches_retrying_a_prompt_and_answering_in_web_chat_are_recorded_and_audited()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        var promptId = Guid.CreateVersion7();
        await using (var db = TestDb.Open(database))
        {
            var now = DateTimeOffset.UtcNow;
            db.ScheduledPrompts.Add(new ScheduledPrompt
            {
                Id = promptId, ParticipantId = data.MenteeA, Kind = "check_in", DialogId = "meeting_report", OccurrenceKey = "check_in:test",
                Status = PromptStatus.Failed, DueAt = now.AddDays(-2), Attempts = 3, LastError = "30003", CreatedAt = now.AddDays(-3),
            });
            var chat = new Conversation { ParticipantId = data.MenteeB, Channel = Channel.WebChat, ChannelConversationId = "dl-conversation-1", StartedAt = now, LastActivityAt = now };
            db.Conversations.Add(chat);
            db.ChannelIdentities.Add(new ChannelIdentity { ParticipantId = data.MenteeB, Channel = Channel.WebChat, Address = "dl_user-1", CreatedAt = now });
            await db.SaveChangesAsync();
        }

        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var a = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        using var b = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailB);

        // End: an active match ends, with a status change by the coordinator and an audit row.
        using (var end = await a.PostFormAsync("/console/matches", "/console/matches?handler=End", new Dictionary<string, string> { ["matchId"] = data.MatchA.ToString(), ["reason"] = "moved away" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        }

        Assert.Equal(["ended", "moved away"], Assert.Single(await TestSql.RowsAsync(database, $"SELECT status, end_reason FROM matches WHERE id = '{data.MatchA}'")));
        Assert.Equal(["active", "ended", "coordinator", data.CoordinatorA],
            Assert.Single(await TestSql.RowsAsync(database, $"SELECT from_status, to_status, changed_by, actor_id FROM match_status_changes WHERE match_id = '{data.MatchA}'")));

        // Block: the pair is blocked and its match ends.
        using (var block = await b.PostFormAsync("/console/matches", "/console/matches?handler=Block", new Dictionary<string, string> { ["matchId"] = data.MatchB.ToString(), ["reason"] = "conflict" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        }

        Assert.Equal([data.CoordinatorB, "conflict"], Assert.Single(await TestSql.RowsAsync(database, "SELECT coordinator_id, reason FROM blocked_pairs")));
        Assert.Equal("ended", await TestSql.ScalarAsync<string>(database, $"SELECT status FROM matches WHERE id = '{data.MatchB}'"));

        // Retry: the failed prompt is due again now with its tries counted from zero; a second retry changes nothing.
        using (var retry = await a.PostFormAsync("/console/people", $"/console/people/{data.MenteeA}?handler=RetryPrompt", new Dictionary<string, string> { ["promptId"] = promptId.ToString() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        }

        var prompt = Assert.Single(await TestSql.RowsAsync(database, $"SELECT status, due_at > now() - interval '5 minutes', attempts FROM scheduled_prompts WHERE id = '{promptId}'"));
        Assert.Equal(["scheduled", true, 0], prompt);
        using (var again = await a.PostFormAsync("/console/people", $"/console/people/{data.MenteeA}?handler=RetryPrompt", new Dictionary<string, string> { ["promptId"] = promptId.ToString() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM audit_log WHERE action = 'prompt.retried'"));
        Assert.Equal([data.CoordinatorA, data.BranchA], Assert.Single(await TestSql.RowsAsync(database, "SELECT actor_id, branch_id FROM audit_log WHERE action = 'prompt.retried'")));
        using (var foreign = await b.PostFormAsync("/console/people", $"/console/people/{data.MenteeA}?handler=RetryPrompt", new Dictionary<string, string> { ["promptId"] = promptId.ToString() }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        // Web chat: an answer before taking over is refused; after, it is a sent message with its Direct Line activity.
        var reply = new Dictionary<string, string> { ["text"] = "Привіт, Олено! Я координаторка." };
        using (await b.PostFormAsync("/console/people", $"/console/people/{data.MenteeB}?handler=Reply", reply))
        {
        }

        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM messages WHERE author = 'coordinator'"));
        using (await b.PostFormAsync("/console/people", $"/console/people/{data.MenteeB}?handler=TakeOver", new Dictionary<string, string>()))
        using (await b.PostFormAsync("/console/people", $"/console/people/{data.MenteeB}?handler=Reply", reply))
        {
        }

        var sent = Assert.Single(await TestSql.RowsAsync(database,
            "SELECT m.channel, m.delivery_status, m.coordinator_id, a.activity->>'text' FROM messages m JOIN direct_line_activities a ON a.message_id = m.id WHERE m.author = 'coordinator'"));
        Assert.Equal(["web_chat", "sent", data.CoordinatorB, reply["text"]], sent);

        var actions = (await TestSql.RowsAsync(database, "SELECT action FROM audit_log ORDER BY id")).Select(r => (string)r[0]).ToList();
        foreach (var action in new[] { "match.ended", "pair.blocked", "prompt.retried", "handover.taken_over", "handover.replied" })
        {
            Assert.Contains(action, actions);
        }
    }

    [Fact]
    public async Task Inviting_a_segment_plans_one_invitation_per_person_in_it_and_only_in_her_branch()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var a = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        using var b = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailB);
        var page = $"/console/events/{data.EventA}";
        var mentees = new Dictionary<string, string> { ["role"] = "Mentee", ["language"] = "" };

        using (var foreign = await b.PostFormAsync($"/console/events/{data.EventB}", $"{page}?handler=Invite", mentees))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var unknownLanguage = await a.PostFormAsync(page, $"{page}?handler=Invite", new Dictionary<string, string> { ["role"] = "Mentee", ["language"] = "xx" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownLanguage.StatusCode);
        }

        for (var time = 0; time < 2; time++) // publishing again invites nobody twice
        {
            using var invite = await a.PostFormAsync(page, $"{page}?handler=Invite", mentees);
            Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        }

        var invited = await TestSql.RowsAsync(database, $"SELECT participant_id, dialog_id, status FROM scheduled_prompts WHERE event_id = '{data.EventA}'");
        Assert.Equal([data.MenteeA, "event_invitation", "scheduled"], Assert.Single(invited)); // branch A's one mentee, not its mentor, not branch B's
        Assert.True(await TestSql.ScalarAsync<bool>(database, $"SELECT published_at IS NOT NULL FROM events WHERE id = '{data.EventA}'"));
        Assert.Equal(2L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM audit_log WHERE action = 'event.invited' AND subject_id = '{data.EventA}'"));
        using var shown = await a.GetAsync(page);
        Assert.Contains("0 new invitations planned.", await shown.Content.ReadAsStringAsync());
    }
}
