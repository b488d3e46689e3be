namespace MentorBot.Bot.Matching;

/// <summary>Why a pair can never be proposed; the first rule that applies.</summary>
public enum Exclusion
{
    SamePerson,
    TrackCrossed,
    Unavailable,
    Blocked,
    DeclinedBefore,
    AlreadyPaired,
    NoFreePlace,
}

/// <summary>One reason a mentor fits a mentee: a code, the value it names (a field, languages, a city) and its points.</summary>
/// <param name="Code">One of <see cref="ReasonCodes"/>.</param>
/// <param name="Value">The field code, the language codes joined with commas, the city…; null when the code says it all.</param>
public sealed record ReasonPart(string Code, string? Value, double Points);

/// <summary>The score of a pair, with its reasons in the order of their points; or why it is excluded.</summary>
public sealed record MatchScore(double Points, IReadOnlyList<ReasonPart> Reasons, Exclusion? Exclusion)
{
    public bool Eligible => Exclusion is null;

    public static MatchScore Excluded(Exclusion exclusion) => new(0, [], exclusion);
}

public static class ReasonCodes
{
    public const string SameField = "same_field";
    public const string RelatedField = "related_field";
    public const string SameProfession = "same_profession";
    public const string Education = "education";
    public const string Offers = "offers";
    public const string SharedLanguages = "speaks";
    public const string SameBranch = "same_branch";
    public const string SameCity = "same_city";
    public const string PartnerProgram = "partner_program";
    public const string FreeCapacity = "free_capacity";
    public const string NewMentor = "new_mentor";
}
