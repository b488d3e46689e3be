using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// Configuration section <c>Retention</c>: when the daily job runs and the program-wide periods. The
/// per-branch periods (transcripts, dialog state, delivery details, withdrawn consent) are branch
/// settings (<c>branches.settings</c>, see BranchSettings); people in no branch get their defaults.
/// </summary>
public sealed class RetentionOptions : IOptionsSection, IValidatableObject
{
    public static string Section => "Retention";

    /// <summary>False: the daily job is not scheduled (erasure and export still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time of day the job runs, in <see cref="TimeZone"/>.</summary>
    public TimeOnly DailyAt { get; set; } = new(3, 30);

    [Required]
    public string TimeZone { get; set; } = "Europe/Copenhagen";

    /// <summary>What erasure keeps for a while (her marker-text messages, conversations, handovers) is deleted this long after.</summary>
    [Range(1, 3650)]
    public int ErasedLeftoversDays { get; set; } = 90;

    /// <summary>Someone who started signing up, never consented and has been silent this long is erased.</summary>
    [Range(1, 3650)]
    public int AbandonedSignupDays { get; set; } = 90;

    /// <summary>A zone the server does not know would only fail when the daily job is scheduled, after start.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"{Section}:{nameof(TimeZone)} must be an IANA time zone this server knows, such as Europe/Copenhagen (was {TimeZone})");
        }
    }
}
