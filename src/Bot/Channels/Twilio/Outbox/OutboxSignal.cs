namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>Wakes the outbox dispatcher early: a commit queued a message (told by PostgreSQL's NOTIFY).</summary>
public sealed class OutboxSignal : IDisposable
{
    // At most one pending wake-up: ten commits while the dispatcher is busy need one more look, not ten.
    readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);

    public void Dispose() => _pending.Dispose();
}
