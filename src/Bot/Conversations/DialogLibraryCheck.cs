using MentorBot.Bot.Dialogs.Definitions;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// What the dialog files may only name if the host has it: actions, profile fields, dialogs to hand over
/// to, and the dialogs the host itself starts. Each problem names the file and the step.
/// </summary>
public static class DialogLibraryCheck
{
    public static IReadOnlyList<string> Problems(DialogLibrary library, IEnumerable<string> actionNames)
    {
        var actions = actionNames.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var name in new[] { library.Options.FirstContactDialog, library.Options.MenuDialog }.Where(n => !library.Dialogs.ContainsKey(n)))
        {
            problems.Add($"dialogs/{name}.yaml: the host starts this dialog, but there is no such file.");
        }

        foreach (var dialog in library.Dialogs.Values)
        {
            foreach (var step in dialog.Steps)
            {
                var where = $"dialogs/{dialog.Id}.yaml: step '{step.Id}'";
                if (step.Kind == StepKind.Action && !actions.Contains(step.Action!))
                {
                    problems.Add($"{where}: action '{step.Action}' is not one MentorBot has ({string.Join(", ", actions.Order())}).");
                }

                if (step.Store is { } target && target.StartsWith(ProfileTargets.Prefix, StringComparison.Ordinal) && !ProfileTargets.IsKnown(target))
                {
                    problems.Add($"{where}: '{target}' is not a profile field MentorBot stores.");
                }

                if (step.Kind == StepKind.GotoDialog && !library.Dialogs.ContainsKey(step.Dialog!))
                {
                    problems.Add($"{where}: hands over to dialog '{step.Dialog}', which does not exist.");
                }
            }
        }

        return problems;
    }
}
