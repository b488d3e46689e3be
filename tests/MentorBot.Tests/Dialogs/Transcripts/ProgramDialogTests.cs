using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Tests.Dialogs.Transcripts;

/// <summary>
/// Checks on the real dialogs in <c>dialogs/</c>: each is proven by transcripts in English and Danish, uses
/// only keys that exist in both, and every message it sends in a transcript fits in three SMS.
/// </summary>
public sealed class ProgramDialogTests
{
    // Every real dialog is written in these languages; the others fall back to English until translated.
    private static IReadOnlyList<string> RequiredLanguages => TestCatalog.Instance.SupportedLanguages;

    private const int MaxSegments = 3;

    private static string Folder => TestPaths.InTestData("Transcripts");

    public static TheoryData<string> DialogIds() =>
        new(Directory.EnumerateFiles(TestPaths.Dialogs, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    private static DialogDefinition Load(string dialogId) =>
        DialogDefinitionLoader.LoadFile(Path.Combine(TestPaths.Dialogs, dialogId + ".yaml"));

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Every_dialog_has_a_happy_path_transcript_in_every_language(string dialogId)
    {
        Load(dialogId);
        var missing = RequiredLanguages
            .Select(language => $"{dialogId}.happy_path.{language}.txt")
            .Where(name => !File.Exists(Path.Combine(Folder, name)));
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Every_key_a_dialog_uses_exists_in_every_language(string dialogId)
    {
        var catalog = TestCatalog.Instance;
        var missing = (
            from key in KeysUsedBy(Load(dialogId)).Distinct()
            from language in RequiredLanguages
            where !catalog.OwnTexts(language).ContainsKey(key)
            select $"{language}: {key}").ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Every_message_in_its_transcripts_fits_in_three_sms(string dialogId)
    {
        var tooLong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, dialogId + ".*.txt"))
        {
            foreach (var message in Messages(File.ReadAllLines(file)))
            {
                var length = SmsLength.Measure(message);
                if (length.Segments > MaxSegments)
                {
                    tooLong.Add($"{Path.GetFileName(file)}: {length.Encoding} {length.Units} units, {length.Segments} SMS: {message[..Math.Min(60, message.Length)]}");
                }
            }
        }
        Assert.Empty(tooLong);
    }

    [Fact]
    public void Start_and_end_survey_ask_the_same_indicators_the_same_way()
    {
        string[] indicators = ["job_situation", "education", "network_size", "career_clarity", "danish_confidence", "labour_market_knowledge"];
        var start = Load("start_survey");
        var end = Load("end_survey");
        foreach (var indicator in indicators)
        {
            var asked = start.Steps.Single(step => step.Store == "answers." + indicator);
            var askedAgain = end.Steps.Single(step => step.Store == "answers." + indicator);
            Assert.Equal((asked.Kind, asked.Prompt, string.Join(',', asked.Choices)), (askedAgain.Kind, askedAgain.Prompt, string.Join(',', askedAgain.Choices)));
        }
        Assert.Contains(end.Steps, step => step.Store == "answers.overall_value" && step.Kind == StepKind.AskScale);
        Assert.Contains(end.Steps, step => step.Store == "answers.become_mentor" && step.Kind == StepKind.AskYesNo);
    }

    // A bot message is a "<" line and the "|" lines after it.
    private static IEnumerable<string> Messages(IEnumerable<string> lines)
    {
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("< ", StringComparison.Ordinal) || line == "<")
            {
                if (current is not null) yield return string.Join('\n', current);
                current = [line.Length > 2 ? line[2..] : ""];
            }
            else if (current is not null && (line.StartsWith("| ", StringComparison.Ordinal) || line == "|"))
            {
                current.Add(line.Length > 2 ? line[2..] : "");
            }
            else if (current is not null)
            {
                yield return string.Join('\n', current);
                current = null;
            }
        }
        if (current is not null) yield return string.Join('\n', current);
    }

    private static IEnumerable<string> KeysUsedBy(DialogDefinition dialog)
    {
        var catalog = TestCatalog.Instance;
        foreach (var step in dialog.Steps)
        {
            if (step.Prompt is not null) yield return step.Prompt;
            if (step.Message is not null) yield return step.Message;
            if (step.Retry is not null) yield return step.Retry;
            foreach (var choice in step.Choices) yield return LabelKeys.Choice(catalog, step.Prompt!, choice);
            if (step.Kind == StepKind.AskScale)
            {
                for (var point = 1; point <= 5; point++) yield return LabelKeys.Scale(catalog, step.Prompt!, point);
            }
        }
    }
}
