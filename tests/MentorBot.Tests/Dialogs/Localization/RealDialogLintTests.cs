using MentorBot.Bot.Dialogs;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Tests.Dialogs.Localization;

/// <summary>
/// Checks every real dialog in <c>dialogs/</c> against the real locale files (without the test-only
/// texts): keys exist, texts fit in SMS, placeholders get values, and area files hold no dead keys.
/// Placeholders equal across languages are checked for every key by <see cref="LocaleLintTests"/>.
/// </summary>
public sealed class RealDialogLintTests
{
    private const int MaxSmsSegments = 3;

    // Every real dialog is written completely in every supported language (a missing key would fall back to English).
    private static IEnumerable<string> CompleteLanguages => TestCatalog.Instance.SupportedLanguages;

    // Keys the host or the engine uses from code, whatever their area.
    private static readonly string[] HostAreas = ["common", "language"];

    private static readonly Lazy<LocaleCatalog> RealCatalog = new(() => LocaleCatalogLoader.Load(TestPaths.Locales));
    private static readonly Lazy<IReadOnlyDictionary<string, DialogDefinition>> RealDialogs =
        new(() => DialogDefinitionLoader.LoadDirectory(TestPaths.Dialogs));

    private static LocaleCatalog Catalog => RealCatalog.Value;

    public static TheoryData<string> DialogIds() => new(RealDialogs.Value.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> Languages() => new(Catalog.SupportedLanguages);

    [Fact]
    public void There_are_real_dialogs()
    {
        Assert.Superset(new HashSet<string> { "welcome", "mentee_signup", "mentor_signup", "menu", "profile_update", "my_data", "delete_me", "help" },
            RealDialogs.Value.Keys.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Every_key_a_dialog_uses_is_in_the_base_language(string dialogId)
    {
        var missing = DialogKeys.UsedBy(RealDialogs.Value[dialogId], Catalog)
            .Where(key => !Catalog.OwnTexts(Catalog.BaseLanguage).ContainsKey(key))
            .Distinct();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Every_dialog_is_complete_in_every_language(string dialogId)
    {
        var missing = CompleteLanguages
            .SelectMany(language => DialogKeys.UsedBy(RealDialogs.Value[dialogId], Catalog)
                .Where(key => !Catalog.OwnTexts(language).ContainsKey(key))
                .Select(key => $"{language}: {key}"))
            .Distinct();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_message_fits_in_three_sms_segments(string language)
    {
        var renderer = new SmsRenderer(Catalog);
        var tooLong = new List<string>();
        foreach (var (dialogId, step, message) in RenderedMessages(language))
        {
            var length = SmsLength.Measure(renderer.Render(message));
            if (length.Segments > MaxSmsSegments)
            {
                tooLong.Add($"{dialogId}/{step.Id}: {message.Key} is {length.Units} {length.Encoding} units, {length.Segments} segments");
            }
        }
        Assert.Empty(tooLong);
    }

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Every_placeholder_gets_a_value_from_its_step(string dialogId)
    {
        var problems = new List<string>();
        foreach (var step in RealDialogs.Value[dialogId].Steps)
        {
            foreach (var key in new[] { step.Prompt, step.Message }.OfType<string>())
            {
                var missing = MessageTemplate.Placeholders(Catalog.Text(Catalog.BaseLanguage, key)).Where(name => !step.Args.ContainsKey(name));
                problems.AddRange(missing.Select(name => $"{step.Id}: {key} has {{{name}}}, but the step has no such arg"));
            }
            // A retry text is said with the reader's arguments, never the step's.
            if (step.Retry is not null && MessageTemplate.Placeholders(Catalog.Text(Catalog.BaseLanguage, step.Retry)).Count > 0)
            {
                problems.Add($"{step.Id}: retry text {step.Retry} cannot have placeholders");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Area_files_of_real_dialogs_have_no_unused_keys()
    {
        var used = RealDialogs.Value.Values
            .SelectMany(dialog => DialogKeys.UsedBy(dialog, Catalog))
            .Concat(HostKeys.All)
            .ToHashSet(StringComparer.Ordinal);
        var areas = used.Select(Area).Except(HostAreas).ToHashSet(StringComparer.Ordinal);
        var unused = Catalog.SupportedLanguages
            .SelectMany(language => Catalog.OwnTexts(language).Keys
                .Where(key => areas.Contains(Area(key)) && !used.Contains(key))
                .Select(key => $"{language}: {key}"));
        Assert.Empty(unused);
    }

    [Fact]
    public void Host_keys_are_in_the_base_language()
    {
        var missing = HostKeys.All.Where(key => !Catalog.OwnTexts(Catalog.BaseLanguage).ContainsKey(key));
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_coded_value_the_host_summarises_is_labelled_by_the_question_that_asks_it()
    {
        // The summary names a code with the option label of the question that stored it.
        var problems = new List<string>();
        foreach (var (target, prompt) in HostKeys.ValueLabelPrompts)
        {
            var steps = RealDialogs.Value.Values.SelectMany(dialog => dialog.Steps).Where(step => step.Store == target).ToList();
            if (steps.Count == 0) problems.Add($"no real dialog stores {target}");
            problems.AddRange(steps.Where(step => step.Prompt != prompt).Select(step => $"{step.Id} stores {target} with {step.Prompt}, not {prompt}"));
            problems.AddRange(steps.SelectMany(step => step.Choices)
                .Select(code => HostKeys.ValueLabel(target, code))
                .Where(key => !Catalog.OwnTexts(Catalog.BaseLanguage).ContainsKey(key)));
        }
        Assert.Empty(problems.Distinct());
    }

    // Profile fields are shown to coordinators and other participants and used by matching: each has a limit
    // chosen for what it holds (a name, a profession), not only the 500-character default for free text.
    [Fact]
    public void Every_free_text_answer_kept_in_the_profile_declares_its_max_length()
    {
        var undeclared = RealDialogs.Value.Values
            .SelectMany(dialog => dialog.Steps
                .Where(step => step.Kind == StepKind.AskText && step.Store!.StartsWith("profile.", StringComparison.Ordinal) && step.MaxLength is null)
                .Select(step => $"{dialog.Id}.{step.Id}"));
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_goto_dialog_target_exists()
    {
        var known = RealDialogs.Value.Keys.ToHashSet(StringComparer.Ordinal);
        var missing = RealDialogs.Value.Values
            .SelectMany(dialog => dialog.Steps.Where(step => step.Kind == StepKind.GotoDialog)
                .Select(step => (dialog.Id, step.Dialog!)))
            .Where(pair => !known.Contains(pair.Item2))
            .Select(pair => $"{pair.Id} goes to {pair.Item2}");
        Assert.Empty(missing);
    }

    /// <summary>Each text a real dialog can send in a language that has it, with its options and skip hint.</summary>
    private static IEnumerable<(string DialogId, DialogStep Step, OutboundMessage Message)> RenderedMessages(string language)
    {
        var own = Catalog.OwnTexts(language);
        foreach (var dialog in RealDialogs.Value.Values)
        {
            foreach (var step in dialog.Steps)
            {
                if (step.Prompt is not null && own.ContainsKey(step.Prompt))
                {
                    yield return (dialog.Id, step, PromptBuilder.Prompt(step, language, Catalog, Dummies(step.Prompt)));
                }
                foreach (var key in new[] { step.Message, step.Retry }.OfType<string>().Where(own.ContainsKey))
                {
                    yield return (dialog.Id, step, new OutboundMessage(language, key, Dummies(key), []));
                }
            }
        }
    }

    // Realistic values: a long first name, a branch-sized summary line.
    private static Dictionary<string, string> Dummies(string key) =>
        MessageTemplate.Placeholders(Catalog.Text(Catalog.BaseLanguage, key))
            .ToDictionary(name => name, name => name == "summary" ? "Name: Mariam\nField: Health" : "Mariamanna");

    private static string Area(string key) => key.Split('.')[0];
}
