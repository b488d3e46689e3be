using MentorBot.Bot.Dialogs.Definitions;

namespace MentorBot.Tests.Dialogs.Transcripts;

/// <summary>
/// Runs every <c>&lt;dialog&gt;.&lt;case&gt;.&lt;lang&gt;.txt</c> in this folder. With UPDATE_TRANSCRIPTS=1 the
/// files are rewritten with what the bot says now: review the diff before committing.
/// </summary>
public sealed class TranscriptTests
{
    private static string Folder => TestPaths.InTestData("Transcripts");

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_TRANSCRIPTS") == "1";

    public static TheoryData<string> Files() =>
        new(Directory.EnumerateFiles(Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Bot_says_what_the_transcript_says(string fileName)
    {
        var parts = fileName.Split('.');
        Assert.True(parts.Length == 4, $"{fileName}: name transcripts <dialog>.<case>.<lang>.txt");
        var (dialogId, language) = (parts[0], parts[2]);
        Assert.Contains(language, TestCatalog.Instance.SupportedLanguages);

        var path = Path.Combine(Folder, fileName);
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        var actual = TranscriptRunner.Play(expected, LoadDialog(dialogId), language);

        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_step_kind_has_a_dialog_and_a_transcript()
    {
        var missing = new List<string>();
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            var dialogId = "kind_" + StepKindNames.NameOf(kind);
            var dialogPath = Path.Combine(Folder, "dialogs", dialogId + ".yaml");
            if (!File.Exists(dialogPath))
            {
                missing.Add($"{dialogId}.yaml");
                continue;
            }
            if (DialogDefinitionLoader.LoadFile(dialogPath).Steps.All(step => step.Kind != kind)) missing.Add($"{dialogId}.yaml has no {kind} step");
            if (!Directory.EnumerateFiles(Folder, dialogId + ".*.txt").Any()) missing.Add($"{dialogId}.<case>.<lang>.txt");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void The_sample_dialog_has_its_required_transcripts()
    {
        string[] required =
        [
            "sample_signup.happy_path.en.txt", "sample_signup.happy_path.da.txt", "sample_signup.happy_path.ar.txt",
            "sample_signup.bad_answers.en.txt", "sample_signup.coordinator_offer.en.txt",
            "sample_signup.language_switch.en.txt", "sample_signup.arabic_digits.ar.txt", "sample_signup.stop.en.txt",
        ];
        var missing = required.Where(name => !File.Exists(Path.Combine(Folder, name))).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_real_dialog_has_a_happy_path_in_every_language()
    {
        var missing = Directory.EnumerateFiles(TestPaths.Dialogs, "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .SelectMany(dialogId => TestCatalog.Instance.SupportedLanguages.Select(language => $"{dialogId}.happy_path.{language}.txt"))
            .Where(name => !File.Exists(Path.Combine(Folder, name)));
        Assert.Empty(missing);
    }

    private static DialogDefinition LoadDialog(string dialogId)
    {
        var path = new[] { TestPaths.Dialogs, Path.Combine(Folder, "dialogs") }
            .Select(folder => Path.Combine(folder, dialogId + ".yaml"))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"no dialog file for '{dialogId}'");
        return DialogDefinitionLoader.LoadFile(path);
    }
}
