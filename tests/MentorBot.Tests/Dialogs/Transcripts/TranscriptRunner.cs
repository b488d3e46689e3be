using System.Text;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Tests.Dialogs.Transcripts;

/// <summary>
/// Plays a transcript file against the engine and returns the file as it should read: the input lines
/// as written, each followed by what the bot actually said. See README.md in this folder for the format.
/// </summary>
internal static class TranscriptRunner
{
    // Wednesday 11 March 2026, 09:30 in Copenhagen: every transcript runs at this moment.
    public static readonly DateTimeOffset Now = new(2026, 3, 11, 9, 30, 0, TimeSpan.FromHours(1));
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static string Play(string transcriptText, DialogDefinition dialog, string language)
    {
        var engine = new DialogEngine();
        var renderer = new SmsRenderer(TestCatalog.Instance);
        var output = new StringBuilder();
        var lines = transcriptText.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')
            .Where(line => !IsOutput(line))
            .ToList();
        if (lines is [""]) lines.Clear();

        // The header: comments, and what the host already knows — "+ profile.role = mentor" or
        // "# given answers.mentee_name = Amal" (two spellings from two authors; both mean KnownValues).
        var headerLength = lines.TakeWhile(line => line.StartsWith('#') || line.StartsWith("+ ", StringComparison.Ordinal)).Count();
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Take(headerLength))
        {
            output.Append(line).Append('\n');
            var assignment = line.StartsWith("+ ", StringComparison.Ordinal) ? line[2..]
                : line.StartsWith(GivenPrefix, StringComparison.Ordinal) ? line[GivenPrefix.Length..]
                : null;
            if (assignment is null) continue;
            var (path, value) = Split(assignment, " = ");
            known[path] = value ?? "";
        }
        DialogContext Context(string language) => new(Now, Copenhagen, language, TestCatalog.Instance, known);

        var turn = engine.Start(dialog, Context(language));
        Write(output, turn, renderer);

        foreach (var (line, index) in lines.Skip(headerLength).Select((line, index) => (line, index + headerLength + 1)))
        {
            output.Append(line).Append('\n');
            if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">")
            {
                language = LanguageAfter(turn, language);
                turn = engine.Step(dialog, turn.NewState, line.Length > 2 ? line[2..] : "", Context(language));
                Write(output, turn, renderer);
            }
            else if (line.StartsWith("= ", StringComparison.Ordinal))
            {
                language = LanguageAfter(turn, language);
                turn = engine.Resume(dialog, turn.NewState, ParseResult(line[2..]), Context(language));
                Write(output, turn, renderer);
            }
            else if (line.StartsWith("? ", StringComparison.Ordinal))
            {
                // "? answers.x = value" or "? answers.x unset"
                var assertion = line[2..];
                var (path, expected) = assertion.EndsWith(" unset", StringComparison.Ordinal)
                    ? (assertion[..^" unset".Length].Trim(), null)
                    : Split(assertion, " = ");
                var actual = turn.NewState.Values.GetValueOrDefault(path);
                Assert.True(expected == actual, $"line {index}: expected {path} = '{expected ?? "(unset)"}', but it is '{actual ?? "(unset)"}'");
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                Assert.Fail($"line {index}: a transcript line starts with >, =, ?, # (input), + (header only) or <, |, ! (output): '{line}'");
            }
        }
        return output.ToString();
    }

    private const string GivenPrefix = "# given ";

    // The host saves a language change and passes it in from the next turn on; so does the runner.
    private static string LanguageAfter(DialogTurn turn, string language) =>
        turn.Events.OfType<LanguageChanged>().LastOrDefault()?.Language ?? language;

    private static bool IsOutput(string line) => line.StartsWith('<') || line.StartsWith('|') || line.StartsWith('!');

    private static void Write(StringBuilder output, DialogTurn turn, SmsRenderer renderer)
    {
        foreach (var text in renderer.Render(turn.Messages))
        {
            var messageLines = text.Split('\n');
            output.Append("< ").Append(messageLines[0]).Append('\n');
            foreach (var more in messageLines.Skip(1)) output.Append("| ").Append(more).Append('\n');
        }
        // Answers are asserted with "?" lines where they matter; listing every one would churn.
        foreach (var dialogEvent in turn.Events.Where(e => e is not (AnswerStored or NotUnderstood)))
        {
            output.Append("! ").Append(dialogEvent).Append('\n');
        }
        if (turn.Ended && !turn.Events.OfType<DialogEnded>().Any()) output.Append("! ended\n");
        if (turn.Action is { } action)
        {
            var arguments = string.Join("; ", action.Arguments.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
            output.Append("! action ").Append(action.Name).Append(": ").Append(arguments).Append('\n');
        }
    }

    // "= found=yes; suggestions=Anna (IT), Mona (Health)"; "\n" in a value is a line break (a multi-line list).
    private static ActionResult ParseResult(string text) => new(
        text.Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Split(pair, "="))
            .ToDictionary(pair => pair.Left, pair => (pair.Right ?? "").Replace("\\n", "\n", StringComparison.Ordinal)));

    private static (string Left, string? Right) Split(string text, string separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, "") : (text[..at].Trim(), text[(at + separator.Length)..].Trim());
    }
}
