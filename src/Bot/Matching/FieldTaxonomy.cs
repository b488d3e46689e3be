namespace MentorBot.Bot.Matching;

/// <summary>
/// The professional fields the signup dialogs ask for (<c>signup.ask_field</c>: it, health, education,
/// engineering, business, social, trades, culture, other) and which of them are related: a nurse's
/// mentor in social work still knows her workplaces, an IT job seeker learns much from an engineer.
/// The labels are the signup question's option labels, so every language has them.
/// Related means close enough to help with the labour market, not the same job; the relation is symmetric.
/// </summary>
public static class FieldTaxonomy
{
    public static readonly IReadOnlyList<string> Fields = ["it", "health", "education", "engineering", "business", "social", "trades", "culture", "other"];

    // health is "health and care" (nurses, care helpers, pharmacy staff, doctors); social is social work.
    static readonly (string, string)[] RelatedPairs =
    [
        ("it", "engineering"),
        ("it", "business"),
        ("health", "social"),
        ("health", "education"),
        ("education", "social"),
        ("engineering", "trades"),
        ("business", "culture"),
    ];

    static readonly HashSet<(string, string)> Related = RelatedPairs.SelectMany(p => new[] { p, (p.Item2, p.Item1) }).ToHashSet();

    public static bool AreRelated(string? a, string? b) =>
        a is not null && b is not null && a != b && Related.Contains((a, b));

    /// <summary>The locale key of a field's label (the signup question's option).</summary>
    public static string LabelKey(string field) => $"signup.ask_field.choice.{field}";
}
