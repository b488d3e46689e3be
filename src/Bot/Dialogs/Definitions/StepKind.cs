namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>What a step does. The YAML name of each kind is in <see cref="StepKindNames"/>.</summary>
public enum StepKind
{
    Message,
    AskText,
    AskChoice,
    AskMulti,
    AskYesNo,
    AskNumber,
    AskDate,
    AskScale,

    /// <summary>The language menu (every supported language in its own name); the answer switches the language.</summary>
    AskLanguage,
    Branch,
    Store,
    Action,
    GotoDialog,
    End,
}
