namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Keeps each sender at or below <c>Twilio__MessagesPerSecond</c>: a long code that sends faster has its
/// messages queued by Twilio and, past the validity period, dropped. Per node: several nodes share a
/// sender's budget only roughly. Zero or less turns pacing off (Twilio then queues on its side).
/// </summary>
public sealed class SenderPacing(TwilioOptions options, TimeProvider clock)
{
    readonly Dictionary<string, DateTimeOffset> _nextSlot = [];
    readonly TimeSpan _interval = options.MessagesPerSecond > 0 ? TimeSpan.FromSeconds(1 / options.MessagesPerSecond) : TimeSpan.Zero;

    public async Task WaitTurnAsync(string sender, CancellationToken ct)
    {
        if (_interval == TimeSpan.Zero)
        {
            return;
        }

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
