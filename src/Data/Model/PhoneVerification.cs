namespace MentorBot.Data.Model;

/// <summary>
/// A one-time code sent by SMS to prove that a web-chat participant owns a phone number. Only the code's
/// salted hash is kept; it expires, allows a few tries, and is used once.
/// </summary>
public sealed class PhoneVerification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Who asked (her web-chat participant).</summary>
    public Guid ParticipantId { get; set; }

    /// <summary>E.164 number the code went to.</summary>
    public required string Phone { get; set; }

    /// <summary>Hex SHA-256 of the row id and the code (see <c>PhoneCodes</c> in the bot).</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Wrong codes typed so far.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }
}
