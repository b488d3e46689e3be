using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.PhoneLinking;

/// <summary>
/// End to end over real HTTP: she texts the bot by SMS, later signs up in web chat over Direct Line,
/// links her number from the menu with the code that reached the (fake) Twilio API, and is one person.
/// </summary>
public sealed partial class PhoneLinkOverHttpTests(PostgresFixture postgres)
{
    const string Phone = "+4520123456";

    [Fact]
    public async Task A_code_sent_by_sms_and_typed_in_web_chat_makes_one_participant_with_one_transcript()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var settings = new Dictionary<string, string?>(RealAccount(database, api.BaseUrl)) { ["DirectLine__Secret"] = Secret };
        await using var bot = await BotProcess.ServeAsync(settings);

        using (var sms = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms(Phone, "Hej")))
        {
            Assert.Equal(HttpStatusCode.OK, sms.StatusCode);
        }

        var grant = await PageTokenAsync(bot, "en");
        using var http = DirectLine(bot, grant.Token);
        using (var started = await http.PostAsync("conversations", JsonContent.Create(new { user = new { } })))
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        // English (from her browser: the welcome asks her role at once), a mentee, then the signup (as
        // RealDialogTests), consent and "the summary is right".
        foreach (var line in new[] { "1", "Amal", "1", "Valby", "6", "2", "Nurse", "6", "1 3 5", "1 11", "2", "yes", "yes", "MENU" })
        {
            await PostAsync(http, grant.ConversationId, line);
        }

        Assert.Contains("3. Link my phone number", await LastBotTextAsync(http, grant.ConversationId), StringComparison.Ordinal);
        await PostAsync(http, grant.ConversationId, "3");
        await PostAsync(http, grant.ConversationId, "20 12 34 56");
        string? code = null;
        await Eventually(() =>
        {
            code = api.Requests.Where(r => r.Form.GetValueOrDefault("To") == Phone).Select(r => SixDigits().Match(r.Form.GetValueOrDefault("Body") ?? "")).LastOrDefault(m => m.Success)?.Value;
            return Task.FromResult(code is not null);
        }, "the code reached the Twilio API");
        await PostAsync(http, grant.ConversationId, code!);

        Assert.StartsWith("Thank you! Your number +4520123456 is now linked.", await LastBotTextAsync(http, grant.ConversationId), StringComparison.Ordinal);
        await using var db = TestDb.Open(database);
        var person = await db.Participants.Include(p => p.Identities).SingleAsync(); // the SMS-only participant was merged into her
        Assert.Equal(("Amal", Phone, ParticipantStatus.Active), (person.DisplayName, person.Phone, person.Status));
        Assert.Contains(person.Identities, i => i.Channel == Channel.WebChat && i.VerifiedAt != null);
        Assert.Contains(person.Identities, i => i.Channel == Channel.Sms && i.Address == Phone);
        var transcript = await db.Messages.OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.All(transcript, m => Assert.Equal(person.Id, m.ParticipantId));
        Assert.Contains(transcript, m => m.Channel == Channel.Sms && m.Direction == MessageDirection.Inbound && m.Text == "Hej");
        Assert.Contains(transcript, m => m.Channel == Channel.WebChat && m.Direction == MessageDirection.Inbound && m.Text == "Nurse");
        Assert.Equal(2, await db.Conversations.CountAsync(c => c.ParticipantId == person.Id));

        // Her next SMS is answered as the same person (she is signed up: the menu, not the welcome).
        using (var again = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms(Phone, "MENU")))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await Eventually(() => Task.FromResult(api.Requests.Any(r => r.Form.GetValueOrDefault("To") == Phone && (r.Form.GetValueOrDefault("Body") ?? "").StartsWith("Hi Amal!", StringComparison.Ordinal))),
            "the menu reached her phone");
    }

    static async Task PostAsync(HttpClient http, string conversationId, string text)
    {
        var body = JsonSerializer.Serialize(new { type = "message", from = new { id = "x" }, text });
        using var posted = await http.PostAsync($"conversations/{conversationId}/activities", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    static async Task<string> LastBotTextAsync(HttpClient http, string conversationId)
    {
        var activities = await http.GetFromJsonAsync<JsonElement>($"conversations/{conversationId}/activities");
        return activities.GetProperty("activities").EnumerateArray()
            .Last(a => a.GetProperty("from").GetProperty("role").GetString() == "bot")
            .GetProperty("text").GetString()!;
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
