namespace MentorBot.Bot.Channels.Twilio;

public enum TwilioSendOutcome
{
    /// <summary>Twilio created the message (201): it has a SID and will report its progress by status callback.</summary>
    Accepted,

    /// <summary>Twilio surely does not have it and it is worth trying again later: 429, a 5xx with Twilio's error, no connection made.</summary>
    TryAgain,

    /// <summary>Twilio refused it (400 and the like): sending the same again would fail the same way.</summary>
    Rejected,

    /// <summary>
    /// Twilio may have it: the request was written and no readable answer came (a timeout, a connection reset, a 5xx
    /// without Twilio's error body, a 2xx without a SID). Sending it again blindly could send it twice, so Twilio's message
    /// list is asked first.
    /// </summary>
    Unclear,
}

public sealed record TwilioSendResult(TwilioSendOutcome Outcome, string? Sid = null, string? Status = null, TwilioApiError? Error = null, TimeSpan? RetryAfter = null);
