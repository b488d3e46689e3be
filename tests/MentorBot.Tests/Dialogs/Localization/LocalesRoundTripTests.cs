using MentorBot.Bot.Commands;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Localization.Translation;
using MentorBot.Bot.Hosting;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Dialogs.Localization;

/// <summary>
/// <c>locales export / import / status</c> on a copy of the repository's locales and dialogs: a Somali PO
/// file edited as a PO tool writes it comes back as exactly the expected YAML change, and a bad file
/// writes nothing at all.
/// </summary>
public sealed class LocalesRoundTripTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "mentorbot-locales-" + Guid.NewGuid().ToString("N"));

    public LocalesRoundTripTests()
    {
        Copy(TestPaths.Locales, Path.Combine(_root, "locales"));
        Copy(TestPaths.Dialogs, Path.Combine(_root, "dialogs"));
    }

    string Locales => Path.Combine(_root, "locales");

    string Po => Path.Combine(_root, "so.po");

    [Fact]
    public void A_Somali_file_exported_edited_in_a_PO_tool_and_imported_changes_exactly_what_she_changed()
    {
        Assert.Equal(0, Run("export", "--lang", "so", "--out", Po));
        var po = File.ReadAllText(Po);
        Assert.Contains("msgctxt \"welcome.greeting\"", po, StringComparison.Ordinal);
        Assert.Contains("#: dialogs/welcome.yaml:greet", po, StringComparison.Ordinal);
        Assert.Contains("#. SMS: at most 3 parts, about 459 characters", po, StringComparison.Ordinal);
        Assert.Contains("#. Keep these exactly as they are: {name}", po, StringComparison.Ordinal);
        var before = Snapshot("so");

        // She rewords one text; the tool wraps a long one over several lines, as Poedit does.
        var edited = Replace(po, "welcome.greeting", "Soo dhawoow! Waxaan kuu qori doonaa Af-Soomaali. Luqad kale, qor LUQAD.");
        var oldRole = Catalog().OwnTexts("so")["welcome.ask_role"];
        edited = edited.Replace($"msgstr \"{oldRole}\"", "msgstr \"\"\n\"" + oldRole[..40] + "\"\n\"" + oldRole[40..] + "\"", StringComparison.Ordinal);
        File.WriteAllText(Po, edited);
        var output = new StringWriter();
        Assert.Equal(0, Run(output, "import", Po));

        Assert.Contains("so: 1 changed, 0 added", output.ToString(), StringComparison.Ordinal);
        var after = Snapshot("so");
        var changedFiles = after.Keys.Where(file => !before.TryGetValue(file, out var old) || old != after[file]).Order().ToList();
        Assert.Equal([".source-hashes.yaml", "welcome.yaml"], changedFiles);
        var diff = Lines(after["welcome.yaml"]).Except(Lines(before["welcome.yaml"])).ToList();
        Assert.Equal(["welcome.greeting: \"Soo dhawoow! Waxaan kuu qori doonaa Af-Soomaali. Luqad kale, qor LUQAD.\""], diff);
        Assert.Equal(Lines(before["welcome.yaml"]).Count, Lines(after["welcome.yaml"]).Count); // changed in place, comments kept
        Assert.Equal(oldRole, Catalog().OwnTexts("so")["welcome.ask_role"]); // unwrapped again, unchanged

        // The same file again changes nothing; every text now carries the hash it was translated from.
        var again = new StringWriter();
        Assert.Equal(0, Run(again, "import", Po));
        Assert.Contains("so: 0 changed, 0 added", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_base_text_makes_the_translation_outdated_and_fuzzy_in_the_next_export()
    {
        Assert.Equal(0, Run("export", "--lang", "so", "--out", Po));
        Assert.Equal(0, Run("import", Po)); // stamps every translation with its source's hash
        var en = Path.Combine(Locales, "en", "welcome.yaml");
        File.WriteAllText(en, File.ReadAllText(en).Replace("Welcome to the Mentor Network!", "Welcome to the Mentor Network, glad you are here!", StringComparison.Ordinal));

        var status = new StringWriter();
        Assert.Equal(0, Run(status, "status"));
        Assert.Matches(@"so\s+\d+\s+0\s+1", status.ToString());
        Assert.Equal(0, Run("export", "--lang", "so", "--out", Po));
        Assert.Contains("#, fuzzy\nmsgctxt \"welcome.greeting\"", File.ReadAllText(Po), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "a lost placeholder", "menu.ask|" },
        { "a new key", "+welcome.invented" },
        { "a lost key", "-welcome.ask_role" },
        { "more than three SMS parts", "welcome.greeting|" + string.Concat(Enumerable.Repeat("Aad iyo aad ayaan u faraxsanahay. ", 16)) },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_writes_nothing(string problem, string edit)
    {
        Assert.Equal(0, Run("export", "--lang", "so", "--out", Po));
        var po = File.ReadAllText(Po);
        po = edit[0] switch
        {
            '+' => po + $"\nmsgctxt \"{edit[1..]}\"\nmsgid \"Invented\"\nmsgstr \"La sameeyay\"\n",
            '-' => RemoveEntry(po, edit[1..]),
            _ when edit.EndsWith('|') => Replace(po, edit[..^1], "Qoraal aan lahayn meel banaan"),
            _ => Replace(po, edit.Split('|')[0], edit.Split('|')[1]),
        };
        File.WriteAllText(Po, po);
        var before = Snapshot("so");
        var output = new StringWriter();

        Assert.Equal(1, Run(output, "import", Po));

        Assert.Contains("Nothing was written", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot("so"));
        Assert.False(File.Exists(Path.Combine(Locales, "so", SourceHashes.FileName)), problem);
    }

    [Fact]
    public void An_Arabic_text_that_starts_with_a_placeholder_needs_a_right_to_left_mark()
    {
        Assert.Equal(0, Run("export", "--lang", "ar", "--out", Po));
        var po = Replace(File.ReadAllText(Po), "matching.mentor_unavailable", "{partner_name} غير متاحة الآن.");
        File.WriteAllText(Po, po);
        var output = new StringWriter();

        Assert.Equal(1, Run(output, "import", Po));
        Assert.Contains("matching.mentor_unavailable: the text starts with a placeholder", output.ToString(), StringComparison.Ordinal);
        File.WriteAllText(Po, po.Replace("msgstr \"{partner_name} غير", "msgstr \"\u200f{partner_name} غير", StringComparison.Ordinal));
        Assert.Equal(0, Run("import", Po));
    }

    [Fact]
    public async Task The_command_runs_in_the_real_app_without_a_database()
    {
        await using var bot = BotProcess.Start(["locales", "status", "--locales", Locales], new Dictionary<string, string?>());
        Assert.Equal(0, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Matches(@"so\s+\d+\s+0\s+0", bot.Output);
    }

    int Run(params string[] args) => Run(new StringWriter(), args);

    int Run(StringWriter output, params string[] args) =>
        LocalesCommand.Run(BotCommand.From(["locales", .. args, "--locales", Locales])!, output);

    LocaleCatalog Catalog() => LocaleCatalogLoader.Load(Locales);

    Dictionary<string, string> Snapshot(string language) =>
        Directory.GetFiles(Path.Combine(Locales, language)).ToDictionary(file => Path.GetFileName(file), File.ReadAllText);

    static List<string> Lines(string text) => text.Split('\n').ToList();

    // The msgstr of one entry replaced, as a translator would in a PO tool.
    static string Replace(string po, string key, string translation)
    {
        var at = po.IndexOf($"msgctxt \"{key}\"", StringComparison.Ordinal);
        var msgstr = po.IndexOf("\nmsgstr ", at, StringComparison.Ordinal) + 1;
        var end = po.IndexOf("\n\n", msgstr, StringComparison.Ordinal);
        end = end < 0 ? po.Length : end;
        return po[..msgstr] + $"msgstr \"{translation.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" + po[end..];
    }

    static string RemoveEntry(string po, string key)
    {
        var at = po.IndexOf($"msgctxt \"{key}\"", StringComparison.Ordinal);
        var start = po.LastIndexOf("\n\n", at, StringComparison.Ordinal);
        var end = po.IndexOf("\n\n", at, StringComparison.Ordinal);
        return po[..start] + (end < 0 ? "\n" : po[end..]);
    }

    static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
