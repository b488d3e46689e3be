namespace MentorBot.Bot.Coordinator;

/// <summary>Console settings (section <c>Console</c>): how hard a login is to guess at.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>Failed logins (password or code) before the account is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Login attempts (POSTs) per client address per minute; more get 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Minimum password length (Identity's other rules are off: length beats character classes).</summary>
    public int MinPasswordLength { get; set; } = 12;
}
