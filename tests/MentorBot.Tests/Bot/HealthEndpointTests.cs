using System.Net;
using System.Text.Json;
using MentorBot.Data.Embedded;
using MentorBot.Data.Migrations;
using MentorBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Bot;

public sealed class HealthEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Health_is_200_with_one_healthy_check_per_dependency()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database });
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        using var response = await http.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var databaseCheck = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("healthy", databaseCheck.GetProperty("status").GetString());
        Assert.Contains($"schema version {MigrationSource.Embedded().Max(m => m.Version)}", databaseCheck.GetProperty("description").GetString());
        var scheduler = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "scheduler");
        Assert.Equal("healthy", scheduler.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_503_naming_the_databaseCheckwhen_it_goes_down()
    {
        var server = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { Directory = PostgresFixture.NewFolder("down"), Durable = false }, NullLogger.Instance);
        await using (server)
        {
            await using var bot = await BotProcess.ServeAsync(new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = server.ConnectionString });
            using var http = new HttpClient { BaseAddress = bot.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

            await server.DisposeAsync();
            using var response = await http.GetAsync("/health");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var statuses = body.RootElement.GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal("unhealthy", statuses["database"]);
            Assert.Equal("unhealthy", statuses["scheduler"]); // its store is the same database
        }
    }

    [Fact]
    public async Task A_databaseCheckbehind_the_builds_schema_is_unhealthy()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database });
        await TestSql.ExecuteAsync(database, "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)");

        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("expected", await response.Content.ReadAsStringAsync());
    }
}
