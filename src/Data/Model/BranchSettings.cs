namespace MentorBot.Data.Model;

/// <summary>
/// Per-branch rules, stored as one jsonb document so a new setting needs no migration.
/// An immutable record: change it with <c>with</c> so EF sees the new value.
/// </summary>
public sealed record BranchSettings
{
    public TimeOnly QuietHoursStart { get; init; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; init; } = new(9, 0);

    public int MaxPromptsPerDay { get; init; } = 2;

    public int PlannedMatchMonths { get; init; } = 6;

    public bool CoordinatorApprovesMatches { get; init; }

    public int MatchRequestReminderDays { get; init; } = 2;

    public int MatchRequestExpiryDays { get; init; } = 5;

    public int CheckInIntervalDays { get; init; } = 14;

    /// <summary>A check-in or report prompt unanswered this long gets its one reminder.</summary>
    public int CheckInReminderDays { get; init; } = 3;

    /// <summary>How long before an event those registered are reminded.</summary>
    public int EventReminderHours { get; init; } = 24;

    public int AtRiskAfterDays { get; init; } = 30;

    public int FollowUpSurveyMonths { get; init; } = 6;

    /// <summary>Message texts of a person whose last match ended this long ago (and who has none open) are deleted.</summary>
    public int TranscriptRetentionMonths { get; init; } = 24;

    /// <summary>A dialog's saved state (her answers in progress) is deleted this long after it ended or was last touched.</summary>
    public int DialogStateRetentionDays { get; init; } = 30;

    /// <summary>Delivery details of a message (Twilio's id, error text) are deleted after this; a reply stuck in the outbox this long is given up.</summary>
    public int DeliveryDetailsRetentionDays { get; init; } = 90;

    /// <summary>A person who withdrew her participation consent, or asked to be deleted, is erased this long after.</summary>
    public int WithdrawnConsentGraceDays { get; init; } = 30;
}
