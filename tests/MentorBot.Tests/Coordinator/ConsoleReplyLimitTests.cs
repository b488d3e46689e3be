using System.Net;
using MentorBot.Bot.Channels.Twilio.Outbox;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>A coordinator's answer over 1,600 characters is refused in the console, not queued: SMS could not carry it whole.</summary>
public sealed class ConsoleReplyLimitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_answer_over_1600_characters_is_refused_with_a_console_error_and_nothing_is_queued()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var a = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        var person = $"/console/people/{data.MenteeA}";
        using (await a.PostFormAsync("/console/people", $"{person}?handler=TakeOver", new Dictionary<string, string>()))
        {
        }

        var tooLong = string.Join(' ', Enumerable.Repeat("مرحبا", 267)); // 1,601 characters
        Assert.Equal(OutboundBody.MaxLength + 1, tooLong.Length);
        using (var refused = await a.PostFormAsync("/console/people", $"{person}?handler=Reply", new Dictionary<string, string> { ["text"] = tooLong }))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        var page = await (await a.GetAsync(person)).Content.ReadAsStringAsync();
        Assert.Contains("class=\"error\" role=\"status\" id=\"person-notice\"", page);
        Assert.Contains($"maxlength=\"{OutboundBody.MaxLength}\"", page); // the field itself stops at the limit
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM messages WHERE author = 'coordinator'"));
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM audit_log WHERE action = 'handover.replied'"));

        // At the limit it is queued for her SMS, whole.
        using (await a.PostFormAsync("/console/people", $"{person}?handler=Reply", new Dictionary<string, string> { ["text"] = tooLong[..OutboundBody.MaxLength] }))
        {
        }

        Assert.Equal(OutboundBody.MaxLength, await TestSql.ScalarAsync<int>(database, "SELECT length(text) FROM messages WHERE author = 'coordinator'"));
    }
}
