namespace MentorBot.Data.Model;

/// <summary>A running outbox dispatcher's heartbeat: a message in flight on a node not seen lately was left there by a crash.</summary>
public sealed class OutboxNode
{
    /// <summary>Made new at every start, so a restarted process never takes over its previous life's sends.</summary>
    public required string NodeId { get; init; }

    public DateTimeOffset SeenAt { get; set; }
}
