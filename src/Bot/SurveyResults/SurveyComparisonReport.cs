using MentorBot.Data.Model;

namespace MentorBot.Bot.SurveyResults;

/// <summary>Start against end survey, paired per mentee and per indicator, with the response rates of the period.</summary>
public sealed record SurveyComparisonReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<Guid>? BranchIds,
    IReadOnlyList<IndicatorComparison> Indicators,
    IReadOnlyList<SurveyResponseRate> ResponseRates,
    IReadOnlyList<SurveyPair> Pairs);

/// <summary>
/// One indicator over all pairs: how many, and for scale indicators (numbers 1-5) the means and the mean
/// change (end − start). <see cref="Distribution"/> counts each answer at start and at end, for scales and
/// choices alike, in a stable order (numbers ascending, then choice codes).
/// </summary>
public sealed record IndicatorComparison(string Indicator, int Pairs, double? MeanStart, double? MeanEnd, double? MeanChange, IReadOnlyList<ValueCount> Distribution);

public sealed record ValueCount(string Value, int Start, int End);

/// <summary>
/// Surveys sent (the scheduler's survey prompts that went out) and completed (stored surveys) in the period.
/// A survey answered without a prompt counts as completed, so the rate can exceed 1.
/// </summary>
public sealed record SurveyResponseRate(SurveyKind Kind, int Sent, int Completed, double? Rate);

/// <summary>
/// One mentee × indicator pair: her answers in her latest completed start and end surveys. The mentee is
/// an anonymous id made for this report (<c>mentee-001</c>…), never her name or her database id.
/// </summary>
public sealed record SurveyPair(
    string Mentee, string? BranchCode, string Indicator, string Start, string End, int? Change,
    DateTimeOffset StartCompletedAt, DateTimeOffset EndCompletedAt);
