namespace MentorBot.Bot.Channels.Twilio;

public enum TwilioSendOutcome
{
    /// <summary>Twilio created the message (201): it has a SID and will report its progress by status callback.</summary>
    Accepted,

    /// <summary>Worth trying again later: 429, a 5xx, a timeout or no connection.</summary>
    TryAgain,

    /// <summary>Twilio refused it (400 and the like): sending the same again would fail the same way.</summary>
    Rejected,
}

public sealed record TwilioSendResult(TwilioSendOutcome Outcome, string? Sid = null, string? Status = null, TwilioApiError? Error = null, TimeSpan? RetryAfter = null);
