using System.Net;
using System.Text.Json;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

public sealed class TwilioHealthTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_real_account_without_a_sender_is_unhealthy_and_says_what_is_missing()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = RealAccount(database);
        environment.Remove("Twilio__FromNumber");
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        await bot.WaitUntilListeningAsync();
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        using var response = await http.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var twilio = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "twilio");
        Assert.Equal("unhealthy", twilio.GetProperty("status").GetString());
        Assert.Contains("Twilio__FromNumber or Twilio__MessagingServiceSid", twilio.GetProperty("description").GetString());
        Assert.DoesNotContain(AuthToken, body.RootElement.ToString());
    }
}
