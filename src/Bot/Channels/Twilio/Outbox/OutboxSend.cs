using MentorBot.Data.Model;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>A claimed message, marked in flight on this node: what to POST.</summary>
public sealed record OutboxSend(Guid MessageId, Channel Channel, DeliveryPlan Plan);

/// <summary>What became of one send: Twilio's answer, or null when it never went out (the node stopped, no slot could be reserved).</summary>
public sealed record OutboxSendResult(OutboxSend Send, TwilioSendResult? Result);

/// <summary>One claim: the sends to make, and how many due rows it took (sent, settled without sending, or put back for later).</summary>
public sealed record OutboxClaim(IReadOnlyList<OutboxSend> Sends, int Rows)
{
    /// <summary>
    /// When it took rows (<see cref="Rows"/> above 0): the next moment a queued message's wait ends after the claim (null:
    /// none waits), read in the claim's own round trip. A claim that took nothing did not read it.
    /// </summary>
    public DateTimeOffset? NextRetryAt { get; init; }
}
