using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>
/// What the built-in Twilio stand-in has seen, in memory: gone at restart, and only the latest
/// <see cref="Capacity"/> messages are kept. Enough for trying MentorBot out and for tests.
/// </summary>
public sealed class TwilioSimulator(TimeProvider clock)
{
    public const int Capacity = 10_000;

    readonly ConcurrentDictionary<string, SimulatedMessage> _bySid = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<string> _order = new();

    public static string NewSid(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public DateTimeOffset Now => clock.GetUtcNow();

    public void Add(SimulatedMessage message)
    {
        _bySid[message.Sid] = message;
        _order.Enqueue(message.Sid);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _bySid.TryRemove(oldest, out _);
        }
    }

    /// <summary>Every message kept, in no particular order.</summary>
    public IReadOnlyList<SimulatedMessage> All() => _bySid.Values.ToList();

    public SimulatedMessage? Find(string sid) => _bySid.GetValueOrDefault(sid);

    /// <summary>Every message to or from <paramref name="phone"/> (E.164), by SMS or WhatsApp, oldest first.</summary>
    public IReadOnlyList<SimulatedMessage> Conversation(string phone) =>
        _bySid.Values
            .Where(m => Number(m.To) == phone || Number(m.From) == phone)
            .OrderBy(m => m.DateCreated)
            .ToList();

    static string? Number(string? address) =>
        address is not null && address.StartsWith(TwilioAddress.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? address[TwilioAddress.WhatsAppPrefix.Length..] : address;
}
