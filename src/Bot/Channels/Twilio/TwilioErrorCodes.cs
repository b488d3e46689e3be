namespace MentorBot.Bot.Channels.Twilio;

/// <summary>The Twilio error codes MentorBot acts on (see PROTOCOLS.md 2.2).</summary>
public static class TwilioErrorCodes
{
    public const int InvalidToNumber = 21211;
    public const int Unsubscribed = 21610;
    public const int NotSmsCapable = 21614;

    /// <summary>Errors about the person's number itself: retrying, or sending her anything else, can't succeed.</summary>
    public static bool IsPermanentForRecipient(int code) => code is InvalidToNumber or Unsubscribed or NotSmsCapable;
}
