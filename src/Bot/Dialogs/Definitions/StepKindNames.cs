namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>The snake_case names dialog authors write in <c>kind:</c>, and back.</summary>
public static class StepKindNames
{
    private static readonly Dictionary<string, StepKind> KindsByName = new(StringComparer.Ordinal)
    {
        ["message"] = StepKind.Message,
        ["ask_text"] = StepKind.AskText,
        ["ask_choice"] = StepKind.AskChoice,
        ["ask_multi"] = StepKind.AskMulti,
        ["ask_yes_no"] = StepKind.AskYesNo,
        ["ask_number"] = StepKind.AskNumber,
        ["ask_date"] = StepKind.AskDate,
        ["ask_scale"] = StepKind.AskScale,
        ["ask_language"] = StepKind.AskLanguage,
        ["branch"] = StepKind.Branch,
        ["store"] = StepKind.Store,
        ["action"] = StepKind.Action,
        ["goto_dialog"] = StepKind.GotoDialog,
        ["end"] = StepKind.End,
    };

    public static bool TryParse(string name, out StepKind kind) => KindsByName.TryGetValue(name, out kind);

    public static string NameOf(StepKind kind) => KindsByName.First(pair => pair.Value == kind).Key;

    /// <summary>Kinds that wait for the person's reply.</summary>
    public static bool IsQuestion(this StepKind kind) => kind is StepKind.AskText or StepKind.AskChoice
        or StepKind.AskMulti or StepKind.AskYesNo or StepKind.AskNumber or StepKind.AskDate or StepKind.AskScale
        or StepKind.AskLanguage;
}
