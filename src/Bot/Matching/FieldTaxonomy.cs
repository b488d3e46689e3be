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

    // Asked for millions of pairs by the batch proposal: a table by field index, not a set of string pairs.
    static readonly bool[,] Related = RelatedTable();

    public static bool AreRelated(string? a, string? b)
    {
        if (a is null || b is null) return false;
        var x = IndexOf(a);
        var y = IndexOf(b);
        return x >= 0 && y >= 0 && x != y && Related[x, y];
    }

    static int IndexOf(string field) => field switch
    {
        "it" => 0,
        "health" => 1,
        "education" => 2,
        "engineering" => 3,
        "business" => 4,
        "social" => 5,
        "trades" => 6,
        "culture" => 7,
        "other" => 8,
        _ => -1,
    };

    static bool[,] RelatedTable()
    {
        var table = new bool[Fields.Count, Fields.Count];
        foreach (var (a, b) in RelatedPairs)
        {
            table[IndexOf(a), IndexOf(b)] = true;
            table[IndexOf(b), IndexOf(a)] = true;
        }

        return table;
    }

    /// <summary>The locale key of a field's label (the signup question's option).</summary>
    public static string LabelKey(string field) => $"signup.ask_field.choice.{field}";
}
