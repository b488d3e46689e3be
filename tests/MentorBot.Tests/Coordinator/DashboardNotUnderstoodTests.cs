using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// The dashboard's not-understood rate, over real HTTP to the real app: per language, replies to questions marked
/// not understood over all replies to questions in the last 30 days, among the people of her own branches only.
/// </summary>
public sealed partial class DashboardNotUnderstoodTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_dashboard_shows_per_language_how_often_the_bot_did_not_understand_a_reply_in_her_branches_in_the_last_30_days()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using (var db = TestDb.Open(database))
        {
            var now = DateTimeOffset.UtcNow;
            var conversationA = await db.Conversations.SingleAsync(c => c.ParticipantId == data.MenteeA);
            var conversationB = new Conversation { ParticipantId = data.MenteeB, Channel = Channel.Sms, ChannelConversationId = "+4520000003", StartedAt = now, LastActivityAt = now };
            db.Conversations.Add(conversationB);
            Message Reply(Conversation conversation, string language, string? questionKind, bool notUnderstood, int daysAgo) => new()
            {
                ConversationId = conversation.Id, ParticipantId = conversation.ParticipantId, Channel = Channel.Sms, Direction = MessageDirection.Inbound,
                Author = MessageAuthor.Participant, Text = "…", Language = language, QuestionKind = questionKind, NotUnderstood = notUnderstood,
                DeliveryStatus = DeliveryStatus.Received, CreatedAt = now.AddDays(-daysAgo), UpdatedAt = now,
            };
            db.Messages.AddRange(
                // Branch A, Arabic: 1 of 4 replies to questions in the window not understood.
                Reply(conversationA, "ar", "ask_choice", notUnderstood: true, daysAgo: 1),
                Reply(conversationA, "ar", "ask_choice", notUnderstood: false, daysAgo: 1),
                Reply(conversationA, "ar", "ask_number", notUnderstood: false, daysAgo: 2),
                Reply(conversationA, "ar", "ask_text", notUnderstood: false, daysAgo: 29),
                Reply(conversationA, "ar", "ask_number", notUnderstood: true, daysAgo: 31), // too old
                Reply(conversationA, "ar", null, notUnderstood: false, daysAgo: 1), // a command: no question answered
                // Branch A, Danish: 2 of 2. Branch B, Ukrainian: 1 of 3 (not hers).
                Reply(conversationA, "da", "ask_date", notUnderstood: true, daysAgo: 3),
                Reply(conversationA, "da", "ask_date", notUnderstood: true, daysAgo: 3),
                Reply(conversationB, "uk", "ask_yes_no", notUnderstood: true, daysAgo: 1),
                Reply(conversationB, "uk", "ask_yes_no", notUnderstood: false, daysAgo: 1),
                Reply(conversationB, "uk", "ask_yes_no", notUnderstood: false, daysAgo: 1));
            (await db.Coordinators.SingleAsync(c => c.Id == data.CoordinatorB)).Language = "da"; // the dashboard in both console languages
            await db.SaveChangesAsync();
        }

        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));

        using (var coordinatorA = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA))
        {
            var section = await NotUnderstoodSectionAsync(coordinatorA);
            Assert.Contains("Replies the bot did not understand, last 30 days", section);
            Assert.Equal([("da", "2/2 (100 %)"), ("ar", "1/4 (25 %)")], Rows(section)); // the worst first
        }

        using var coordinatorB = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailB);
        var sectionB = await NotUnderstoodSectionAsync(coordinatorB);
        Assert.Contains("Svar botten ikke forstod, seneste 30 dage", sectionB);
        Assert.Equal([("uk", "1/3 (33 %)")], Rows(sectionB));
    }

    static async Task<string> NotUnderstoodSectionAsync(ConsoleClient client)
    {
        using var response = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("id=\"not-understood\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The dashboard has no not-understood section.");
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)]);
    }

    static List<(string Language, string Rate)> Rows(string section) =>
        RateRow().Matches(section).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    [GeneratedRegex("""<tr><td lang="[^"]*">([^<]*)</td><td>([^<]*)</td></tr>""")]
    private static partial Regex RateRow();
}
