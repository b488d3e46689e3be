namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>
/// One validated step. A single record with optional fields keeps the YAML and the model one-to-one;
/// the loader guarantees which fields are set for which kind.
/// </summary>
public sealed record DialogStep
{
    public required string Id { get; init; }
    public required StepKind Kind { get; init; }

    /// <summary>Message key asked by question steps.</summary>
    public string? Prompt { get; init; }

    /// <summary>Message key said by message and end steps.</summary>
    public string? Message { get; init; }

    /// <summary>Optional message key said instead of <c>common.not_understood</c> when a reply is not understood.</summary>
    public string? Retry { get; init; }

    /// <summary>Where a question's answer (or a store step's value) goes: <c>profile.x</c> or <c>answers.x</c>.</summary>
    public string? Store { get; init; }

    public string? Next { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>ask_number: smallest and largest accepted value. ask_multi: fewest and most selections.</summary>
    public int? Min { get; init; }
    public int? Max { get; init; }

    /// <summary>
    /// ask_text: the longest answer kept, in characters as she sees them (text elements); a longer one is not stored
    /// and she is told the limit. Null: <see cref="DefaultMaxLength"/>.
    /// </summary>
    public int? MaxLength { get; init; }

    /// <summary>The cap on an ask_text answer whose step declares none: a paragraph, not a document.</summary>
    public const int DefaultMaxLength = 500;

    /// <summary>The person may answer with a skip word; nothing is stored.</summary>
    public bool Optional { get; init; }

    /// <summary>branch: the variable read, the value → step table, and the step when no case matches.</summary>
    public string? On { get; init; }
    public IReadOnlyDictionary<string, string> Cases { get; init; } = new Dictionary<string, string>();
    public string? Default { get; init; }

    /// <summary>action: the host's action name.</summary>
    public string? Action { get; init; }

    /// <summary>Placeholder or action argument name → variable path (<c>profile.display_name</c>).</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>store: the literal value written to <see cref="Store"/>.</summary>
    public string? Value { get; init; }

    /// <summary>
    /// ask_language: a variable holding languages (<c>ar,fa,ur</c>) offered first and asked in, each in its
    /// own words; the rest of the menu follows. Empty or unset: the usual menu in her language.
    /// </summary>
    public string? OfferFirst { get; init; }

    /// <summary>ask_date: whether the question is about what is coming or what has been (<c>when: future</c>).</summary>
    public Understanding.DateDirection? When { get; init; }

    /// <summary>goto_dialog: the dialog the host starts next.</summary>
    public string? Dialog { get; init; }

    /// <summary>Every step this one can lead to, for validation and reachability.</summary>
    public IEnumerable<string> Targets()
    {
        if (Next is not null) yield return Next;
        foreach (var target in Cases.Values) yield return target;
        if (Default is not null) yield return Default;
    }
}
