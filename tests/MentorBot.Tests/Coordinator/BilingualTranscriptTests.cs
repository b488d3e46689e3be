using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Bot.Dialogs;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// The console for a coordinator who does not read Arabic: after a real Arabic signup by SMS, the transcript shows
/// each bot message in Arabic and beside it in Danish (rendered from the same key and arguments), each answer with
/// its reading; a ready-made reply goes to her in Arabic and shows in the transcript in both languages.
/// </summary>
public sealed partial class BilingualTranscriptTests(PostgresFixture postgres)
{
    static readonly MentorBot.Bot.Dialogs.Localization.LocaleCatalog Catalog = RealDialogTests.RealLibrary.Catalog;

    [Fact]
    public async Task After_an_Arabic_signup_a_Danish_coordinator_reads_every_bot_message_in_Danish_and_every_answer_with_its_reading()
    {
        var database = await postgres.CreateDatabaseAsync();
        await ArabicSignup.AddDorteAsync(database);
        await using var twilio = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database, twilio.BaseUrl));
        var her = await ArabicSignup.RunAsync(database, bot.BaseAddress);

        using var dorte = await ConsoleAuthorizationTests.SignedInAsync(bot, ArabicSignup.DorteEmail);
        var items = await TranscriptItemsAsync(dorte, her);

        // The branch question: in Arabic as she got it, and its Danish twin beside it, options and all.
        var question = Assert.Single(items, item => item.Contains(Catalog.Text("ar", "signup.ask_branch"), StringComparison.Ordinal));
        Assert.Contains(Catalog.Text("da", "signup.ask_branch"), question);
        Assert.Contains("3. " + Catalog.Text("da", "signup.ask_branch.choice.esbjerg"), question);
        Assert.Contains("lang=\"da\"", question);

        // "٣" reads as option 3, Esbjerg/Varde; "١ ٣ ٥" as her three goals, in Danish.
        Assert.Contains("→ 3 · " + Catalog.Text("da", "signup.ask_branch.choice.esbjerg"), Answer(items, "٣"));
        var goals = string.Join(", ", new[] { "job", "network", "career" }.Select(goal => Catalog.Text("da", $"signup.ask_goals.choice.{goal}")));
        Assert.Contains("→ " + goals, Answer(items, "١ ٣ ٥"));
        // Not understood, marked so; her name is free text in the language she was using; nothing is machine-translated.
        Assert.Contains("ikke forstået", Answer(items, ArabicSignup.Banana));
        Assert.Contains("fritekst, sprog ar", Answer(items, ArabicSignup.Name));
        Assert.DoesNotContain(items, item => item.Contains("maskinoversat", StringComparison.Ordinal));

        // The summary's arguments (her answers, in Arabic) come back inside the Danish template.
        static string Intro(string language) => Catalog.Text(language, "signup.summary").Split("{summary}")[0];
        var summary = Assert.Single(items, item => item.Contains(Intro("ar"), StringComparison.Ordinal));
        Assert.Contains(Intro("da"), summary);
        Assert.Contains("Esbjerg/Varde", summary);

        // Stored, not re-read: her rows carry the engine's reading, the bot's rows their keys.
        Assert.Equal("esbjerg", await TestSql.ScalarAsync<string>(database, "SELECT answer_reading->>'value' FROM messages WHERE text = '٣'"));
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM messages WHERE author = 'bot' AND message_key IS NULL"));
    }

    [Fact]
    public async Task A_ready_made_reply_reaches_Twilio_in_her_Arabic_and_free_text_keeps_the_language_the_coordinator_chose()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var twilio = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database, twilio.BaseUrl));
        using var anna = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA); // her console speaks English
        var person = $"/console/people/{data.MenteeA}";
        using (await anna.PostFormAsync(person, $"{person}?handler=TakeOver", new Dictionary<string, string>()))
        {
        }

        // The form offers each ready-made reply as it will be sent (Arabic) with its English preview.
        var form = WebUtility.HtmlDecode(await (await anna.GetAsync(person)).Content.ReadAsStringAsync());
        Assert.Contains(Catalog.Text("ar", HostKeys.CoordinatorReplies.CallTomorrow), form);
        Assert.Contains("I will call you tomorrow.", form);

        using (var sent = await anna.PostFormAsync(person, $"{person}?handler=ReadyReply", new Dictionary<string, string> { ["replyKey"] = HostKeys.CoordinatorReplies.CallTomorrow }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var arabic = Catalog.Text("ar", HostKeys.CoordinatorReplies.CallTomorrow);
        await TwilioTestEnvironment.Eventually(
            () => Task.FromResult(twilio.Posts.Any(r => r.Form.GetValueOrDefault("Body") == arabic && r.Form.GetValueOrDefault("To") == ConsoleTestData.MenteePhoneA)),
            "the ready-made reply reached Twilio's Messages API in Arabic");

        using (await anna.PostFormAsync(person, $"{person}?handler=Reply", new Dictionary<string, string> { ["text"] = "Hej Amal, vi ses i morgen.", ["language"] = "da" }))
        {
        }

        // Both in the transcript with their language: the ready-made one in Arabic with its English twin, the free text as written, marked Danish.
        Assert.Equal(
            [["ar", HostKeys.CoordinatorReplies.CallTomorrow, arabic], ["da", "", "Hej Amal, vi ses i morgen."]],
            await TestSql.RowsAsync(database, "SELECT language, coalesce(message_key, ''), text FROM messages WHERE author = 'coordinator' ORDER BY created_at"));
        var items = await TranscriptItemsAsync(anna, data.MenteeA);
        var ready = Assert.Single(items, item => item.Contains(arabic, StringComparison.Ordinal));
        Assert.Contains("I will call you tomorrow.", ready);
        Assert.Contains("language ar", ready);
        Assert.Contains("free text, language da", Assert.Single(items, item => item.Contains("Hej Amal, vi ses i morgen.", StringComparison.Ordinal)));
        // The audit says which reply and in which language, not what it said.
        Assert.Equal(2L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM audit_log WHERE action = 'handover.replied'"));
        Assert.Equal(HostKeys.CoordinatorReplies.CallTomorrow,
            await TestSql.ScalarAsync<string>(database, "SELECT details->>'ready_reply' FROM audit_log WHERE action = 'handover.replied' AND details->>'language' = 'ar'"));
    }

    /// <summary>The person page's transcript, one decoded string per message.</summary>
    static async Task<IReadOnlyList<string>> TranscriptItemsAsync(ConsoleClient client, Guid person)
    {
        using var response = await client.GetAsync($"/console/people/{person}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var transcript = html[html.IndexOf("id=\"transcript\"", StringComparison.Ordinal)..];
        return MessageItem().Matches(transcript).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
    }

    /// <summary>Her inbound message with exactly this text.</summary>
    static string Answer(IReadOnlyList<string> items, string text) =>
        Assert.Single(items, item => item.Contains("class=\"inbound\"", StringComparison.Ordinal) && item.Contains($">{text}</div>", StringComparison.Ordinal));

    [GeneratedRegex("<li class=\"[^\"]*\" data-message-id=.*?</li>", RegexOptions.Singleline)]
    private static partial Regex MessageItem();
}
