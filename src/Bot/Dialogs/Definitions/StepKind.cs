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
    Branch,
    Store,
    Action,
    GotoDialog,
    End,
}
