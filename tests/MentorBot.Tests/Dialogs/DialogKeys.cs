using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Tests.Dialogs;

/// <summary>The message keys a dialog can show, for the locale lint tests.</summary>
internal static class DialogKeys
{
    /// <summary>Prompts, messages (end steps too), retry texts, and the labels of options and scale points.</summary>
    public static IEnumerable<string> UsedBy(DialogDefinition dialog, LocaleCatalog catalog)
    {
        foreach (var step in dialog.Steps)
        {
            if (step.Prompt is not null) yield return step.Prompt;
            if (step.Message is not null) yield return step.Message;
            if (step.Retry is not null) yield return step.Retry;
            foreach (var choice in step.Choices) yield return LabelKeys.Choice(catalog, step.Prompt!, choice);
            switch (step.Kind)
            {
                case StepKind.AskScale:
                    for (var point = StepAnswerReader.ScaleMin; point <= StepAnswerReader.ScaleMax; point++) yield return LabelKeys.Scale(catalog, step.Prompt!, point);
                    break;
                case StepKind.AskYesNo:
                    yield return LabelKeys.Yes;
                    yield return LabelKeys.No;
                    break;
                case StepKind.AskLanguage:
                    yield return LabelKeys.LanguageName;
                    break;
            }
            if (step.Optional) yield return "common.skip_hint";
        }
    }
}
