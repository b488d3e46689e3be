namespace MentorBot.Data.Model;

/// <summary>
/// One of a coordinator's two-factor recovery codes: a way in when her authenticator app is lost. Shown to her
/// once when made; only its SHA-256 is kept. Used once: <see cref="UsedAt"/> is set instead of deleting the row,
/// so the count of codes left and the moment each was used stay visible.
/// </summary>
public sealed class CoordinatorRecoveryCode
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CoordinatorId { get; set; }

    /// <summary>Hex SHA-256 of the normalised code (see <c>RecoveryCodes</c> in the bot).</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
