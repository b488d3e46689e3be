namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Keeps each sender at or below <c>Twilio__MessagesPerSecond</c>: a long code that sends faster has its
/// messages queued by Twilio and, past the validity period, dropped. Per node: several nodes share a
/// sender's budget only roughly.
/// </summary>
public sealed class SenderPacing(TwilioOptions options, TimeProvider clock)
{
    readonly Dictionary<string, DateTimeOffset> _nextSlot = [];
    readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / Math.Max(options.MessagesPerSecond, 0.001));

    public async Task WaitTurnAsync(string sender, CancellationToken ct)
    {
        TimeSpan wait;
        lock (_nextSlot)
        {
            var now = clock.GetUtcNow();
            var slot = _nextSlot.TryGetValue(sender, out var next) && next > now ? next : now;
            _nextSlot[sender] = slot + _interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, ct);
        }
    }
}
