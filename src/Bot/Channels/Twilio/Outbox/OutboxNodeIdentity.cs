using System.Security.Cryptography;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// This process's name in <c>outbox_nodes</c> and on the messages it has in flight: new at every start, so a
/// restarted process treats what its previous life left in flight like any other dead node's.
/// </summary>
public sealed class OutboxNodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
