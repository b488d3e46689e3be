using System.ComponentModel.DataAnnotations;

namespace MentorBot.Bot.Matching;

/// <summary>
/// Points each matching reason is worth (<c>Matching__Weights__SameField=30</c>…). The defaults put the
/// professional field first, then place and language, then what she seeks; a program can shift them
/// without a release. A weight of 0 switches a reason off; each is between 0 and 1000 (checked at start).
/// </summary>
public sealed record MatchingWeights
{
    /// <summary>Mentor and mentee in the same professional field.</summary>
    [Range(0.0, 1000.0)]
    public double SameField { get; init; } = 30;

    /// <summary>In related fields of the taxonomy (IT and engineering, health and social work…).</summary>
    [Range(0.0, 1000.0)]
    public double RelatedField { get; init; } = 12;

    /// <summary>The same profession in words (nurse and nurse), on top of the field.</summary>
    [Range(0.0, 1000.0)]
    public double SameProfession { get; init; } = 10;

    /// <summary>The mentor's education is at least the mentee's level (both known).</summary>
    [Range(0.0, 1000.0)]
    public double Education { get; init; } = 4;

    /// <summary>Per goal of the mentee that the mentor offers to help with, at most three goals.</summary>
    [Range(0.0, 1000.0)]
    public double GoalOffered { get; init; } = 6;

    /// <summary>For a shared language besides Danish (the second one adds half).</summary>
    [Range(0.0, 1000.0)]
    public double SharedLanguage { get; init; } = 10;

    /// <summary>The shared-language points are multiplied by this when her Danish is none or beginner.</summary>
    [Range(0.0, 1000.0)]
    public double LowDanishLanguageFactor { get; init; } = 2;

    [Range(0.0, 1000.0)]
    public double SameBranch { get; init; } = 15;

    /// <summary>The same town or city, by name (on top of the branch).</summary>
    [Range(0.0, 1000.0)]
    public double SameCity { get; init; } = 8;

    /// <summary>The mentor's partner company program targets the mentee's field.</summary>
    [Range(0.0, 1000.0)]
    public double PartnerProgram { get; init; } = 15;

    /// <summary>Times the share of the mentor's places still free (all free: the whole weight).</summary>
    [Range(0.0, 1000.0)]
    public double FreeCapacity { get; init; } = 5;

    /// <summary>A mentor who has had no match yet: new mentors get their chance.</summary>
    [Range(0.0, 1000.0)]
    public double NewMentor { get; init; } = 8;
}
