using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Coordinator;

/// <summary>Console settings (section <c>Console</c>): how hard a login is to guess at, and how long a setup link lasts.</summary>
public sealed class ConsoleOptions : IOptionsSection
{
    public static string Section => "Console";

    /// <summary>Failed logins (password or code) before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Login attempts (POSTs) per client address per minute; more get 429.</summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Minimum password length (Identity's other rules are off: length beats character classes).</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>How long a setup link an admin hands over stays good (it also ends when used, or when a newer one is made).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SetupLinkLifetime { get; set; } = TimeSpan.FromHours(72);
}
