namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// Where one person is in one dialog. Small and JSON-serialisable: the host stores it between messages,
/// which may be days apart.
/// </summary>
public sealed record DialogState
{
    public required string DialogId { get; init; }

    /// <summary>The dialog version the state was made with; a newer version continues if the step still exists.</summary>
    public required int DialogVersion { get; init; }

    public required string StepId { get; init; }

    /// <summary>Answers and action results collected in this dialog (<c>answers.goals</c> → <c>job,network</c>).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Replies in a row on the current step that were not understood.</summary>
    public int MissCount { get; init; }

    /// <summary>The language menu was shown; the next reply may be a language number or name.</summary>
    public bool ChoosingLanguage { get; init; }
}
