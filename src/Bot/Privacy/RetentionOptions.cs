namespace MentorBot.Bot.Privacy;

/// <summary>
/// Configuration section <c>Retention</c>: when the daily job runs and the program-wide periods. The
/// per-branch periods (transcripts, dialog state, delivery details, withdrawn consent) are branch
/// settings (<c>branches.settings</c>, see BranchSettings); people in no branch get their defaults.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>False: the daily job is not scheduled (erasure and export still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time of day the job runs, in <see cref="TimeZone"/>.</summary>
    public TimeOnly DailyAt { get; set; } = new(3, 30);

    public string TimeZone { get; set; } = "Europe/Copenhagen";

    /// <summary>What erasure keeps for a while (her marker-text messages, conversations, handovers) is deleted this long after.</summary>
    public int ErasedLeftoversDays { get; set; } = 90;

    /// <summary>Someone who started signing up, never consented and has been silent this long is erased.</summary>
    public int AbandonedSignupDays { get; set; } = 90;
}
