using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// Runs dialogs. Pure: a definition, a saved state and a reply go in; a new state, messages and events
/// come out. It sends nothing, stores nothing and runs no actions: the host does, then calls back.
/// </summary>
public sealed class DialogEngine
{
    // Steps that need no reply (message, branch, store) run on in one turn; a cycle of them would spin.
    private const int MaxStepsPerTurn = 100;

    // After this many misses in a row on one step, a coordinator is offered (and again every as many more).
    public const int MissesBeforeCoordinator = 3;

    public DialogTurn Start(DialogDefinition definition, DialogContext context)
    {
        var turn = new TurnBuilder(definition, NewState(definition), context);
        RunFrom(turn, definition.Start);
        return turn.Build();
    }

    public DialogTurn Step(DialogDefinition definition, DialogState state, string reply, DialogContext context)
    {
        if (!definition.HasStep(state.StepId)) return StartOver(definition, state, context);

        var turn = new TurnBuilder(definition, state with { DialogVersion = definition.Version }, context);
        if (state.ChoosingLanguage)
        {
            turn.Update(current => current with { ChoosingLanguage = false });
            var chosen = LanguageFromMenu(reply, turn);
            if (chosen is not null)
            {
                SwitchLanguage(turn, chosen);
                return turn.Build();
            }
        }

        var command = GlobalCommandReader.Read(reply, context.Catalog);
        if (command is not null && AnswersWithALanguageName(turn.CurrentStep, command, turn.Language, context))
        {
            reply = command.LanguageAsWritten!;
            command = null;
        }

        if (command is not null)
        {
            HandleCommand(turn, command);
            return turn.Build();
        }

        var step = turn.CurrentStep;
        if (!step.Kind.IsQuestion())
        {
            throw new InvalidOperationException(
                $"Dialog '{definition.Id}' waits at step '{step.Id}' ({StepKindNames.NameOf(step.Kind)}), which takes no reply. Resume the action first.");
        }

        var offered = OfferedFirst(turn, step);
        var reading = offered.Count > 0
            ? AnswerOf(StepAnswerReader.ReadLanguage(reply, context.Catalog, PromptBuilder.MenuOrder(offered, context.Catalog)))
            : StepAnswerReader.Read(step, reply, turn.Language, context);
        turn.Reply = new QuestionReply(definition.Id, step.Id, step.Kind, turn.Language, reading is not AnswerReading.NotUnderstood)
        {
            Meaning = MeaningOf(step, reading, () => offered.Count > 0
                ? PromptBuilder.LanguageOptions(PromptBuilder.MenuOrder(offered, context.Catalog))
                : PromptBuilder.Options(step, context.Catalog)),
        };
        switch (reading)
        {
            case AnswerReading.Answered answered when step.Kind == StepKind.AskLanguage:
                // The next question already comes in the chosen language: that is the confirmation.
                turn.Language = answered.Value;
                turn.Raise(new LanguageChanged(answered.Value));
                if (step.Store is not null) turn.Store(step.Store, answered.Value);
                RunFrom(turn, step.Next!);
                break;
            case AnswerReading.Answered answered:
                turn.Store(step.Store!, answered.Value);
                RunFrom(turn, step.Next!);
                break;
            case AnswerReading.Skipped:
                turn.Raise(new AnswerSkipped(step.Id));
                RunFrom(turn, step.Next!);
                break;
            case AnswerReading.NotUnderstood when DateAtChoice(turn, step, reply) is AnswerReading.Answered dated:
                turn.Reply = turn.Reply with { Understood = true, Meaning = new AnswerMeaning(dated.Value, []) };
                break;
            case AnswerReading.NotUnderstood notUnderstood:
                Miss(turn, step, DateAtChoice(turn, step, reply) as AnswerReading.NotUnderstood ?? notUnderstood);
                break;
        }
        return turn.Build();
    }

    /// <summary>What the reply was read as, against the options the question showed (null: not understood).</summary>
    private static AnswerMeaning? MeaningOf(DialogStep step, AnswerReading reading, Func<IReadOnlyList<ChoiceOption>> shown) => reading switch
    {
        AnswerReading.Answered when step.Kind == StepKind.AskText => AnswerMeaning.FreeText,
        AnswerReading.Answered answered => AnswerMeaning.Of(answered.Value, shown()),
        AnswerReading.Skipped => AnswerMeaning.Skip,
        _ => null,
    };

    /// <summary>
    /// A busy mentor asked "When did you meet? 1. Today 2. Yesterday 3. Another day" writes the date itself
    /// ("1/12"). When a choice of this step leads (through the branch on its answer) to a date question, a
    /// reply that answers that question is that choice and that date: both are stored and the dialog goes on
    /// after the date question. A date on the wrong side of today comes back as its kind explanation; null
    /// when the reply is no date at all or the step leads to no date question.
    /// </summary>
    private static AnswerReading? DateAtChoice(TurnBuilder turn, DialogStep step, string reply)
    {
        if (step is not { Kind: StepKind.AskChoice, Next: { } next, Store: { } store }) return null;
        var branch = turn.Definition.Step(next);
        if (branch.Kind != StepKind.Branch || branch.On != store) return null;
        foreach (var (value, target) in branch.Cases)
        {
            var dateStep = turn.Definition.Step(target);
            if (dateStep.Kind != StepKind.AskDate || !step.Choices.Contains(value)) continue;
            var reading = StepAnswerReader.ReadDate(dateStep, reply, turn.Context.Catalog.Keywords(turn.Language), turn.Context.Today);
            if (reading is AnswerReading.Answered answered)
            {
                turn.Store(store, value);
                turn.Store(dateStep.Store!, answered.Value);
                RunFrom(turn, dateStep.Next!);
                return reading;
            }

            if (reading is AnswerReading.NotUnderstood explained && explained.ReasonKey != AnswerReading.NotUnderstood.Plain.ReasonKey) return reading;
        }

        return null;
    }

    /// <summary>
    /// Asked which languages she speaks, "اللغة العربية" ("the Arabic language") reads as the command
    /// LANGUAGE + Arabic. At a choice question that understands the language's name as one of its options,
    /// it is her answer, not a switch; elsewhere, and the bare command word anywhere, stay commands.
    /// </summary>
    private static bool AnswersWithALanguageName(DialogStep step, CommandReading command, string language, DialogContext context) =>
        command is { Command: GlobalCommand.Language, LanguageAsWritten: { } named }
        && step.Kind is StepKind.AskChoice or StepKind.AskMulti
        && StepAnswerReader.Read(step, named, language, context) is AnswerReading.Answered;

    /// <summary>Continues after the host ran the pending action; its values become <c>results.&lt;name&gt;</c>.</summary>
    public DialogTurn Resume(DialogDefinition definition, DialogState state, ActionResult result, DialogContext context)
    {
        var turn = new TurnBuilder(definition, state, context);
        var step = turn.CurrentStep;
        if (step.Kind != StepKind.Action)
        {
            throw new InvalidOperationException($"Dialog '{definition.Id}' is at step '{step.Id}', not at an action.");
        }

        turn.Store(result.Values.ToDictionary(pair => VariablePath.Results + pair.Key, pair => pair.Value));
        RunFrom(turn, step.Next!);
        return turn.Build();
    }

    private static DialogState NewState(DialogDefinition definition) =>
        new() { DialogId = definition.Id, DialogVersion = definition.Version, StepId = definition.Start };

    private DialogTurn StartOver(DialogDefinition definition, DialogState state, DialogContext context)
    {
        var turn = new TurnBuilder(definition, NewState(definition), context);
        turn.Raise(new DialogRestarted(definition.Id, state.StepId));
        RunFrom(turn, definition.Start);
        return turn.Build();
    }

    /// <summary>Walks steps until one needs a reply, an action, or the dialog ends.</summary>
    private static void RunFrom(TurnBuilder turn, string stepId)
    {
        for (var count = 0; count < MaxStepsPerTurn; count++)
        {
            turn.MoveTo(stepId);
            var step = turn.CurrentStep;
            switch (step.Kind)
            {
                case StepKind.Message:
                    turn.Say(step.Message!, turn.Arguments(step));
                    stepId = step.Next!;
                    break;
                case StepKind.Branch:
                    stepId = step.Cases.GetValueOrDefault(turn.Read(step.On!)) ?? step.Default!;
                    break;
                case StepKind.Store:
                    turn.Store(step.Store!, step.Value!);
                    stepId = step.Next!;
                    break;
                case StepKind.Action:
                    turn.Suspend(new PendingAction(step.Action!, turn.Arguments(step)));
                    return;
                case StepKind.GotoDialog:
                    turn.Raise(new GotoDialogRequested(step.Dialog!));
                    turn.End();
                    return;
                case StepKind.End:
                    if (step.Message is not null) turn.Say(step.Message, turn.Arguments(step));
                    turn.Raise(new DialogEnded(turn.Definition.Id, step.Id));
                    turn.End();
                    return;
                default:
                    Ask(turn, step);
                    return;
            }
        }
        throw new InvalidOperationException(
            $"Dialog '{turn.Definition.Id}' ran {MaxStepsPerTurn} steps without asking anything; it has a loop near step '{stepId}'.");
    }

    private static void Ask(TurnBuilder turn, DialogStep step)
    {
        var offered = OfferedFirst(turn, step);
        turn.Say(offered.Count > 0
            ? PromptBuilder.LanguagePrompt(step, offered, turn.Context.Catalog, turn.Arguments(step))
            : PromptBuilder.Prompt(step, turn.Language, turn.Context.Catalog, turn.Arguments(step)));
    }

    /// <summary>The supported languages an ask_language step's <c>offer_first</c> variable names, in its order.</summary>
    private static IReadOnlyList<string> OfferedFirst(TurnBuilder turn, DialogStep step) =>
        step is { Kind: StepKind.AskLanguage, OfferFirst: { } variable }
            ? turn.Read(variable).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(turn.Context.Catalog.SupportedLanguages.Contains).Distinct().ToList()
            : [];

    private static AnswerReading AnswerOf(string? value) =>
        value is null ? AnswerReading.NotUnderstood.Plain : new AnswerReading.Answered(value);

    private static void Miss(TurnBuilder turn, DialogStep step, AnswerReading.NotUnderstood reading)
    {
        var misses = turn.State.MissCount + 1;
        turn.Update(current => current with { MissCount = misses });
        turn.Raise(new NotUnderstood(step.Id, misses));
        if (misses % MissesBeforeCoordinator == 0)
        {
            turn.Raise(new OfferCoordinator(step.Id));
            turn.Say("common.offer_coordinator");
        }
        else
        {
            // A step's own retry text replaces the generic "not understood", not a specific reason like a range.
            var useStepRetry = step.Retry is not null && reading.ReasonKey == AnswerReading.NotUnderstood.Plain.ReasonKey;
            var key = useStepRetry ? step.Retry! : reading.ReasonKey;
            // Asked in several languages because hers is not known yet: told so in the same languages.
            var offered = OfferedFirst(turn, step);
            if (offered.Count > 0) turn.Say(new OutboundMessage(offered[0], key, reading.Arguments, [], WrittenIn: offered));
            else turn.Say(key, reading.Arguments);
        }
        Ask(turn, step);
    }

    private static void HandleCommand(TurnBuilder turn, CommandReading command)
    {
        turn.Raise(new GlobalCommandReceived(command.Command));
        switch (command.Command)
        {
            case GlobalCommand.Help:
                turn.Say("common.help");
                AskAgain(turn);
                break;
            case GlobalCommand.Language when command.Language is not null:
                SwitchLanguage(turn, command.Language);
                break;
            case GlobalCommand.Language:
                turn.Update(current => current with { ChoosingLanguage = true });
                turn.Say(PromptBuilder.LanguageMenu(turn.Language, turn.Context.Catalog));
                break;
            case GlobalCommand.Stop:
                // The state is kept as it is: after START the person continues where she stopped.
                turn.Say("common.stopped");
                turn.End();
                break;
            case GlobalCommand.Start:
                turn.Say("common.started");
                AskAgain(turn);
                break;
            case GlobalCommand.Restart:
                turn.Say("common.restarting");
                turn.ClearValues();
                RunFrom(turn, turn.Definition.Start);
                break;
        }
    }

    private static void SwitchLanguage(TurnBuilder turn, string language)
    {
        turn.Language = language;
        turn.Raise(new LanguageChanged(language));
        turn.Say("common.language_changed");
        AskAgain(turn);
    }

    /// <summary>Repeats the current question (after HELP, START or a language change); nothing to repeat while an action is pending.</summary>
    private static void AskAgain(TurnBuilder turn)
    {
        if (turn.CurrentStep.Kind.IsQuestion()) Ask(turn, turn.CurrentStep);
    }

    private static string? LanguageFromMenu(string reply, TurnBuilder turn) =>
        StepAnswerReader.ReadLanguage(reply, turn.Context.Catalog);
}
