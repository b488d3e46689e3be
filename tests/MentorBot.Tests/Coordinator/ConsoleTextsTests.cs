using System.Text.RegularExpressions;
using MentorBot.Bot.Coordinator;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>The console speaks Danish and English everywhere: every text has both, and every key a page uses exists.</summary>
public sealed partial class ConsoleTextsTests
{
    [Fact]
    public void Every_console_text_is_in_Danish_and_English_and_every_key_the_pages_use_exists()
    {
        var texts = new ConsoleTexts();
        var missing = texts.Keys.SelectMany(key => ConsoleTexts.Languages.Where(l => !texts.Has(l, key)).Select(l => $"{key} ({l})")).ToList();

        var pages = Path.Combine(BotProcess.RepositoryRoot, "src", "Bot", "Coordinator", "Pages");
        var used = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(file => UsedKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Where(key => !key.EndsWith(".viewed", StringComparison.Ordinal)) // audit actions (transcript.viewed), not texts
            .Distinct().ToList();
        missing.AddRange(used.Where(key => !texts.Keys.Contains(key)));

        Assert.NotEmpty(used);
        Assert.True(missing.Count == 0, "Missing console texts: " + string.Join(", ", missing));
    }

    // T["key"], T.Format("key", …) and the notice/error keys page models return.
    [GeneratedRegex("""(?:T\["|T\.Format\("|")((?:layout|nav|login2fa|login|twofactor|recovery|setup|accounts|dashboard|handover|people|person|transcript|surveys|prompts|matches|reports|events|audit|erase|proposal)\.[a-z0-9_.]+)"\]?""")]
    private static partial Regex UsedKey();
}
