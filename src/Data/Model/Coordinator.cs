namespace MentorBot.Data.Model;

/// <summary>A staff member who uses the console. A coordinator sees only the branches in <see cref="Branches"/>; an admin sees all.</summary>
public sealed class Coordinator
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public CoordinatorRole Role { get; set; } = CoordinatorRole.Coordinator;

    /// <summary>Console language: <c>da</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "da";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public List<CoordinatorBranch> Branches { get; init; } = [];

    // ASP.NET Core Identity's account fields (migration 0005): the coordinator row is the console user.

    /// <summary>The e-mail upper-cased by Identity's normaliser: how a login finds her.</summary>
    public string NormalizedEmail { get; set; } = "";

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = "";

    public bool TwoFactorEnabled { get; set; }

    /// <summary>The TOTP shared secret (base32) of her authenticator app.</summary>
    public string? AuthenticatorKey { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }
}
