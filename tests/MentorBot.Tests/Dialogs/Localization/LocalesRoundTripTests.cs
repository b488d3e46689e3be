using System.Xml.Linq;
using MentorBot.Bot.Commands;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Localization.Translation;
using MentorBot.Bot.Hosting;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Dialogs.Localization;

/// <summary>
/// <c>locales export / import / status</c> on a copy of the repository's locales and dialogs: a Somali PO
/// or XLIFF file edited as a translation tool writes it comes back as exactly the expected YAML change, and a
/// bad file writes nothing at all.
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

    string Xlf => Path.Combine(_root, "so.xlf");

    static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:1.2";

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

        AssertOnlyTheGreetingChanged(output, before, "Soo dhawoow! Waxaan kuu qori doonaa Af-Soomaali. Luqad kale, qor LUQAD.");
        Assert.Equal(oldRole, Catalog().OwnTexts("so")["welcome.ask_role"]); // unwrapped again, unchanged

        // The same file again changes nothing; every text now carries the hash it was translated from.
        AssertImportingAgainChangesNothing(Po);
    }

    [Fact]
    public void A_changed_base_text_makes_the_translation_outdated_and_fuzzy_in_the_next_export()
    {
        StampHashesThenRewordTheGreeting();

        var status = new StringWriter();
        Assert.Equal(0, Run(status, "status"));
        Assert.Matches(@"so\s+\d+\s+0\s+1", status.ToString());
        Assert.Equal(0, Run("export", "--lang", "so", "--out", Po));
        Assert.Contains("#, fuzzy\nmsgctxt \"welcome.greeting\"", File.ReadAllText(Po), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Somali_XLIFF_file_holds_what_the_PO_file_holds_and_an_edited_target_changes_exactly_that_text()
    {
        Assert.Equal(0, Run("export", "--lang", "so", "--format", "xliff", "--out", Xlf));
        var document = XDocument.Load(Xlf);
        var file = Assert.Single(document.Root!.Elements(Xliff + "file"));
        Assert.Equal(("1.2", "en", "so"), ((string?)document.Root.Attribute("version"), (string?)file.Attribute("source-language"), (string?)file.Attribute("target-language")));
        var greeting = Unit(document, "welcome.greeting");
        Assert.Equal(Catalog().OwnTexts("en")["welcome.greeting"], greeting.Element(Xliff + "source")!.Value);
        Assert.Equal(Catalog().OwnTexts("so")["welcome.greeting"], greeting.Element(Xliff + "target")!.Value);
        Assert.Equal("translated", (string?)greeting.Element(Xliff + "target")!.Attribute("state"));
        Assert.StartsWith("SMS: at most 3 parts, about 459 characters", greeting.Element(Xliff + "note")!.Value, StringComparison.Ordinal);
        Assert.Contains("dialogs/welcome.yaml:greet", greeting.Descendants(Xliff + "context").Select(c => c.Value));
        Assert.Contains(document.Descendants(Xliff + "note"), note => note.Value.Contains("Keep these exactly as they are: {name}", StringComparison.Ordinal));
        Assert.Equal(0, Run("export", "--lang", "so", "--out", Po));
        Assert.Equal(PoFile.Read(File.ReadAllText(Po)).Entries, XliffFile.Read(File.ReadAllText(Xlf)).Entries); // the same keys, texts and marks
        var before = Snapshot("so");

        // She rewords one text in her tool, which writes the file back its own way (other indentation, a BOM).
        const string reworded = "Soo dhawoow! Waxaan kuu qori doonaa Af-Soomaali. Luqad kale, qor LUQAD.";
        greeting.Element(Xliff + "target")!.Value = reworded;
        File.WriteAllText(Xlf, document.ToString(SaveOptions.DisableFormatting), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var output = new StringWriter();
        Assert.Equal(0, Run(output, "import", Xlf));

        AssertOnlyTheGreetingChanged(output, before, reworded);
        AssertImportingAgainChangesNothing(Xlf);
    }

    [Fact]
    public void In_XLIFF_an_untranslated_text_needs_translation_and_an_outdated_one_needs_review_and_is_left_as_it_was()
    {
        StampHashesThenRewordTheGreeting();
        var so = Path.Combine(Locales, "so", "welcome.yaml");
        File.WriteAllText(so, string.Join('\n', Lines(File.ReadAllText(so)).Where(line => !line.StartsWith("welcome.ask_role:", StringComparison.Ordinal))));

        Assert.Equal(0, Run("export", "--lang", "so", "--format", "xliff", "--out", Xlf));
        var document = XDocument.Load(Xlf);
        var outdated = Unit(document, "welcome.greeting").Element(Xliff + "target")!;
        var missing = Unit(document, "welcome.ask_role").Element(Xliff + "target")!;
        Assert.Equal(("needs-review-translation", "needs-translation", ""), ((string?)outdated.Attribute("state"), (string?)missing.Attribute("state"), missing.Value));
        Assert.Contains("set its state to translated", Unit(document, "welcome.greeting").Element(Xliff + "note")!.Value, StringComparison.Ordinal);

        // She translates the missing one and rewords the outdated one without checking it off: only the first is written.
        missing.Value = "Ma waxaad rabtaa inaad hesho la-taliye, mise inaad noqoto la-taliye?";
        outdated.Value = "Soo dhawoow!";
        document.Save(Xlf);
        var output = new StringWriter();
        Assert.Equal(0, Run(output, "import", Xlf));
        Assert.Contains("so: 0 changed, 1 added", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 fuzzy left as they were", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("Ma waxaad rabtaa inaad hesho la-taliye, mise inaad noqoto la-taliye?", Catalog().OwnTexts("so")["welcome.ask_role"]);
        Assert.NotEqual("Soo dhawoow!", Catalog().OwnTexts("so")["welcome.greeting"]);
    }

    [Theory]
    [InlineData("a lost placeholder")]
    [InlineData("a lost key")]
    [InlineData("a document type declaration")]
    [InlineData("not XML at all")]
    public void A_bad_XLIFF_file_writes_nothing(string problem)
    {
        Assert.Equal(0, Run("export", "--lang", "so", "--format", "xliff", "--out", Xlf));
        var document = XDocument.Load(Xlf);
        var text = problem switch
        {
            "a lost placeholder" => Edited(document, d => Unit(d, "menu.ask").Element(Xliff + "target")!.Value = "Qoraal aan lahayn meel banaan"),
            "a lost key" => Edited(document, d => Unit(d, "welcome.ask_role").Remove()),
            "a document type declaration" => "<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ENTITY big \"big\">]>" + document.Root,
            _ => "<xliff version=\"1.2\"",
        };
        File.WriteAllText(Xlf, text);
        var before = Snapshot("so");
        var output = new StringWriter();

        Assert.Equal(1, Run(output, "import", Xlf));

        Assert.Contains("Nothing was written", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot("so"));
        Assert.False(File.Exists(Path.Combine(Locales, "so", SourceHashes.FileName)), problem);

        static string Edited(XDocument document, Action<XDocument> edit)
        {
            edit(document);
            return document.ToString();
        }
    }

    static XElement Unit(XDocument document, string key) =>
        document.Descendants(Xliff + "trans-unit").Single(unit => (string?)unit.Attribute("id") == key);

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

    /// <summary>The import reported one change, and wrote exactly the greeting's line in place (comments kept) and its hash.</summary>
    void AssertOnlyTheGreetingChanged(StringWriter output, Dictionary<string, string> before, string greeting)
    {
        Assert.Contains("so: 1 changed, 0 added", output.ToString(), StringComparison.Ordinal);
        var after = Snapshot("so");
        Assert.Equal([".source-hashes.yaml", "welcome.yaml"], after.Keys.Where(file => !before.TryGetValue(file, out var old) || old != after[file]).Order().ToList());
        Assert.Equal([$"welcome.greeting: \"{greeting}\""], Lines(after["welcome.yaml"]).Except(Lines(before["welcome.yaml"])).ToList());
        Assert.Equal(Lines(before["welcome.yaml"]).Count, Lines(after["welcome.yaml"]).Count);
    }

    void AssertImportingAgainChangesNothing(string file)
    {
        var again = new StringWriter();
        Assert.Equal(0, Run(again, "import", file));
        Assert.Contains("so: 0 changed, 0 added", again.ToString(), StringComparison.Ordinal);
    }

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

    /// <summary>Every Somali text stamped with its source's hash (an export and import), then the English greeting reworded: it is outdated.</summary>
    void StampHashesThenRewordTheGreeting()
    {
        Assert.Equal(0, Run("export", "--lang", "so", "--out", Po));
        Assert.Equal(0, Run("import", Po));
        var en = Path.Combine(Locales, "en", "welcome.yaml");
        File.WriteAllText(en, File.ReadAllText(en).Replace("Welcome to the Mentor Network!", "Welcome to the Mentor Network, glad you are here!", StringComparison.Ordinal));
    }
}
