using System.Net;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary><c>add-coordinator</c>: the first admin from the command line, and clear refusals with exit code 2.</summary>
public sealed class AddCoordinatorCommandTests(PostgresFixture postgres)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task It_creates_a_coordinator_for_a_branch_who_can_then_log_in()
    {
        var database = await postgres.CreateDatabaseAsync();
        var code = await TestSql.ScalarAsync<string>(database, "SELECT code FROM branches ORDER BY code LIMIT 1");

        var (exit, output) = await RunAsync(database, "s3cret-enough-password", "--email", "Karen@Example.org", "--role", "coordinator", "--branch", code);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("s3cret-enough-password", output);
        var row = Assert.Single(await TestSql.RowsAsync(database,
            "SELECT role, normalized_email, password_hash IS NOT NULL, (SELECT count(*) FROM coordinator_branches b WHERE b.coordinator_id = c.id) FROM coordinators c"));
        Assert.Equal(["coordinator", "KAREN@EXAMPLE.ORG", true, 1L], row);

        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var client = new ConsoleClient(bot.BaseAddress);
        using var login = await client.LoginAsync("karen@example.org", "s3cret-enough-password");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/console", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_exit_code_2_and_a_reason()
    {
        var database = await postgres.CreateDatabaseAsync();

        var noPassword = await RunAsync(database, null, "--email", "a@example.org", "--role", "admin");
        Assert.Equal(2, noPassword.Exit);
        Assert.Contains("MENTORBOT_PASSWORD", noPassword.Output);

        var badRole = await RunAsync(database, "long enough password", "--email", "a@example.org", "--role", "boss");
        Assert.Equal(2, badRole.Exit);
        Assert.Contains("--role admin or --role coordinator", badRole.Output);

        var badBranch = await RunAsync(database, "long enough password", "--email", "a@example.org", "--role", "coordinator", "--branch", "atlantis");
        Assert.Equal(2, badBranch.Exit);
        Assert.Contains("Unknown branch atlantis", badBranch.Output);

        var shortPassword = await RunAsync(database, "short", "--email", "a@example.org", "--role", "admin");
        Assert.Equal(1, shortPassword.Exit);

        Assert.Equal(0, (await RunAsync(database, "long enough password", "--email", "a@example.org", "--role", "admin")).Exit);
        var twice = await RunAsync(database, "long enough password", "--email", "A@example.org", "--role", "admin");
        Assert.Equal(2, twice.Exit);
        Assert.Contains("exists already", twice.Output);
        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM coordinators"));
    }

    static async Task<(int Exit, string Output)> RunAsync(string database, string? password, params string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database, ["MENTORBOT_PASSWORD"] = password };
        await using var command = BotProcess.Start(["add-coordinator", .. arguments], environment);
        var exit = await command.WaitForExitAsync(Patience);
        return (exit, command.Output);
    }
}
