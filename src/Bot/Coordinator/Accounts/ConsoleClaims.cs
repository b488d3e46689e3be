namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>The claims a console cookie carries besides Identity's own: no personal data, only what each request needs.</summary>
public static class ConsoleClaims
{
    /// <summary><c>da</c> or <c>en</c>: the console's language for her.</summary>
    public const string Language = "mentorbot:lang";

    /// <summary><c>true</c> once she has an authenticator app: an admin without one is sent to enrol.</summary>
    public const string TwoFactor = "mentorbot:2fa";

    public const string AdminRole = "admin";
    public const string CoordinatorRole = "coordinator";

    public const string AdminPolicy = "console-admin";
    public const string ConsolePolicy = "console";
}
