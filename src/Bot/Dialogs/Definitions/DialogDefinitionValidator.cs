using System.Diagnostics.CodeAnalysis;

namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>
/// Turns a raw file into a definition or fails with one precise message. Checks run top to bottom and
/// the first problem wins, so each broken test file has exactly one expected message.
/// </summary>
internal sealed class DialogDefinitionValidator(string fileName)
{
    // No SMS she sends is longer (Twilio's own limit), and an answer the host shows back must fit one message.
    private const int MaxTextLength = 1600;

    public DialogDefinition Validate(DialogFileYaml file)
    {
        if (file.SpecVersion != DialogDefinitionLoader.SupportedSpecVersion)
        {
            var found = file.SpecVersion?.ToString() ?? "missing";
            Fail($"spec_version {found} is not supported (expected {DialogDefinitionLoader.SupportedSpecVersion})");
        }

        var expectedId = Path.GetFileNameWithoutExtension(fileName);
        if (file.Id != expectedId) Fail($"id '{file.Id}' does not match the file name (expected '{expectedId}')");
        if (file.Version is null or < 1) Fail("version must be a whole number of at least 1");
        if (file.Steps is null || file.Steps.Count == 0) Fail("steps are missing");

        var steps = new List<DialogStep>();
        foreach (var raw in file.Steps!)
        {
            if (string.IsNullOrWhiteSpace(raw.Id)) Fail($"step {steps.Count + 1} has no id");
            if (steps.Any(step => step.Id == raw.Id)) FailStep(raw.Id!, "is defined twice");
            steps.Add(ToStep(raw));
        }

        var ids = steps.Select(step => step.Id).ToHashSet(StringComparer.Ordinal);
        if (file.Start is null || !ids.Contains(file.Start)) Fail($"start step '{file.Start}' is not a step in this dialog");
        foreach (var step in steps) CheckTargets(step, ids);
        CheckReachable(steps, file.Start!);

        return new DialogDefinition(file.Id!, file.Version!.Value, file.Start!, steps);
    }

    private DialogStep ToStep(StepYaml raw)
    {
        var id = raw.Id!;
        if (raw.Kind is null) FailStep(id, "missing kind");
        if (!StepKindNames.TryParse(raw.Kind!, out var kind)) FailStep(id, $"unknown kind '{raw.Kind}'");

        var step = new DialogStep
        {
            Id = id,
            Kind = kind,
            Prompt = raw.Prompt,
            Message = raw.Message,
            Retry = raw.Retry,
            Store = raw.Store,
            Next = raw.Next,
            Choices = raw.Choices ?? [],
            Min = raw.Min,
            Max = raw.Max,
            MaxLength = raw.MaxLength,
            Optional = raw.Optional ?? false,
            On = raw.On,
            Cases = raw.Cases ?? [],
            Default = raw.Default,
            Action = raw.Action,
            Args = raw.Args ?? [],
            Value = raw.Value,
            Dialog = raw.Dialog,
            OfferFirst = raw.OfferFirst,
            When = raw.When switch
            {
                null => null,
                "future" => Understanding.DateDirection.Future,
                "past" => Understanding.DateDirection.Past,
                _ => FailWhen(id, raw.When),
            },
        };
        CheckFieldsForKind(step);
        return step;
    }

    private void CheckFieldsForKind(DialogStep step)
    {
        var kind = step.Kind;
        if (kind.IsQuestion())
        {
            if (string.IsNullOrWhiteSpace(step.Prompt)) FailStep(step.Id, "missing prompt");
            // ask_language needs no target: the host saves the language from the LanguageChanged event.
            if (step.Store is null && kind != StepKind.AskLanguage) FailStep(step.Id, "missing store target");
        }

        if (step.Store is not null && !VariablePath.IsStoreTarget(step.Store))
        {
            FailStep(step.Id, $"store target '{step.Store}' must start with 'profile.' or 'answers.'");
        }

        foreach (var (name, path) in step.Args)
        {
            if (!VariablePath.IsReadable(path))
            {
                FailStep(step.Id, $"argument '{name}' reads '{path}', which does not start with 'profile.', 'answers.' or 'results.'");
            }
        }

        if (step.When is not null && kind != StepKind.AskDate) FailStep(step.Id, "when is only for ask_date steps");

        if (step.OfferFirst is { } offered)
        {
            if (kind != StepKind.AskLanguage) FailStep(step.Id, "offer_first is only for ask_language steps");
            if (!VariablePath.IsReadable(offered)) FailStep(step.Id, $"offer_first reads '{offered}', which does not start with 'profile.', 'answers.' or 'results.'");
        }

        if (kind is not (StepKind.Branch or StepKind.GotoDialog or StepKind.End) && step.Next is null)
        {
            FailStep(step.Id, "missing next");
        }

        if (kind is StepKind.End or StepKind.GotoDialog && step.Next is not null)
        {
            FailStep(step.Id, $"'{StepKindNames.NameOf(kind)}' steps cannot have next");
        }

        if (step.MaxLength is { } maxLength)
        {
            if (kind != StepKind.AskText) FailStep(step.Id, "max_length is only for ask_text steps");
            if (maxLength is < 1 or > MaxTextLength) FailStep(step.Id, $"max_length {maxLength} must be from 1 to {MaxTextLength}");
        }

        switch (kind)
        {
            case StepKind.Message when step.Message is null:
                FailStep(step.Id, "missing message");
                break;
            case StepKind.AskChoice or StepKind.AskMulti:
                CheckChoices(step);
                break;
            case StepKind.AskNumber when step.Min > step.Max:
                FailStep(step.Id, $"min {step.Min} is greater than max {step.Max}");
                break;
            case StepKind.AskScale when step.Min is not null || step.Max is not null:
                FailStep(step.Id, "a scale is always 1 to 5; remove min and max");
                break;
            case StepKind.Branch:
                if (step.On is null || !VariablePath.IsReadable(step.On))
                {
                    FailStep(step.Id, $"branch on '{step.On}' must read 'profile.', 'answers.' or 'results.'");
                }
                if (step.Cases.Count == 0) FailStep(step.Id, "a branch needs cases");
                if (step.Default is null) FailStep(step.Id, "a branch needs a default");
                break;
            case StepKind.Store when step.Store is null || step.Value is null:
                FailStep(step.Id, "a store step needs store and value");
                break;
            case StepKind.Action when string.IsNullOrWhiteSpace(step.Action):
                FailStep(step.Id, "missing action name");
                break;
            case StepKind.GotoDialog when string.IsNullOrWhiteSpace(step.Dialog):
                FailStep(step.Id, "missing dialog to go to");
                break;
        }
    }

    private void CheckChoices(DialogStep step)
    {
        if (step.Choices.Count == 0) FailStep(step.Id, "missing choices");
        var duplicate = step.Choices.GroupBy(choice => choice).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null) FailStep(step.Id, $"choice '{duplicate.Key}' is listed twice");
        if (step.Kind == StepKind.AskMulti && step.Max > step.Choices.Count)
        {
            FailStep(step.Id, $"max {step.Max} is more than the {step.Choices.Count} choices");
        }
        if (step.Kind == StepKind.AskMulti && step.Min > (step.Max ?? step.Choices.Count))
        {
            FailStep(step.Id, $"min {step.Min} is greater than max {step.Max}");
        }
    }

    private void CheckTargets(DialogStep step, HashSet<string> ids)
    {
        if (step.Next is not null && !ids.Contains(step.Next))
        {
            FailStep(step.Id, $"next '{step.Next}' is not a step in this dialog");
        }
        foreach (var (value, target) in step.Cases)
        {
            if (!ids.Contains(target)) FailStep(step.Id, $"case '{value}' goes to '{target}', which is not a step in this dialog");
        }
        if (step.Default is not null && !ids.Contains(step.Default))
        {
            FailStep(step.Id, $"default '{step.Default}' is not a step in this dialog");
        }
    }

    // A step nobody can reach is almost always a typo in a next/case somewhere else.
    private void CheckReachable(List<DialogStep> steps, string start)
    {
        var byId = steps.ToDictionary(step => step.Id, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var target in byId[id].Targets())
            {
                if (reached.Add(target)) queue.Enqueue(target);
            }
        }

        var unreachable = steps.FirstOrDefault(step => !reached.Contains(step.Id));
        if (unreachable is not null) FailStep(unreachable.Id, $"is unreachable from start step '{start}'");
    }

    [DoesNotReturn]
    private Understanding.DateDirection FailWhen(string stepId, string when) =>
        throw new DialogDefinitionException($"{fileName}: step '{stepId}': when '{when}' must be 'future' or 'past'");

    [DoesNotReturn]
    private void Fail(string problem) => throw new DialogDefinitionException($"{fileName}: {problem}");

    [DoesNotReturn]
    private void FailStep(string stepId, string problem) =>
        throw new DialogDefinitionException($"{fileName}: step '{stepId}'{Join(problem)}");

    // "step 'x' is defined twice" reads better without a colon; "step 'x': missing prompt" with one.
    private static string Join(string problem) => problem.StartsWith("is ", StringComparison.Ordinal) ? " " + problem : ": " + problem;
}
