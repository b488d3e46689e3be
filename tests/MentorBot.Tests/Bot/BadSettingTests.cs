using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Bot;

/// <summary>The real app with a setting out of its range: it never serves, exits 1, and says which key in one line.</summary>
public sealed class BadSettingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_bad_setting_stops_the_app_at_start_with_a_line_naming_the_key()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["ConnectionStrings__MentorBot"] = database,
            ["Scheduler__DispatchLanes"] = "0",
        });

        Assert.Equal(1, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Scheduler:DispatchLanes must be between 1 and 64 (was 0)", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal); // a message, not a stack trace
        Assert.DoesNotContain("Now listening", bot.Output, StringComparison.Ordinal);
    }
}
