using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// One running app and database shared by the first-contact transcripts: each file writes from its own number.
/// A real-account configuration (signed webhooks with a known token); what it sends goes nowhere and stays queued.
/// </summary>
public sealed class FirstContactBot(PostgresFixture postgres) : IAsyncLifetime
{
    BotProcess? _bot;

    public string Database { get; private set; } = "";

    public BotProcess Bot => _bot ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        Database = await postgres.CreateDatabaseAsync();
        _bot = await BotProcess.ServeAsync(TwilioTestEnvironment.RealAccount(Database));
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
    }
}
