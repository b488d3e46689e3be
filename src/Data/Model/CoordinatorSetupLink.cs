namespace MentorBot.Data.Model;

/// <summary>
/// A one-time link an admin hands a coordinator (there is no e-mail here) to choose her password: for a new
/// account, or to set a forgotten one. Only the token's SHA-256 is kept; it expires, is used once, and a newer
/// link for the same account replaces it.
/// </summary>
public sealed class CoordinatorSetupLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CoordinatorId { get; set; }

    /// <summary>Hex SHA-256 of the token in the link (see <c>SetupLinks</c> in the bot).</summary>
    public required string TokenHash { get; set; }

    /// <summary>The admin who made it.</summary>
    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
