namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// How many web chat turns and stream reads use the database at once on this node. Without it, a burst
/// (a hundred mentees answering together) opened a connection each and PostgreSQL refused the rest
/// ("too many clients": the embedded server allows 100, Npgsql's pool also 100); with it they queue for
/// a moment instead, and the SMS outbox and the scheduler keep connections of their own.
/// </summary>
public sealed class DatabaseUseLimit(DirectLineOptions options) : IDisposable
{
    readonly SemaphoreSlim _slots = new(options.MaxDatabaseConnections, options.MaxDatabaseConnections);

    public async Task<Slot> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    public readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
