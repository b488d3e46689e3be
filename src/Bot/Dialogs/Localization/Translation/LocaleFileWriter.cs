using System.Text;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// Writes texts into a language's area files the way the repository writes them (<c>key: "text"</c>, one
/// per line, comments and order kept): a key already there is changed on its own line; a new one goes into
/// the area file the base language keeps it in, after the key it follows there.
/// </summary>
public static class LocaleFileWriter
{
    public static void Apply(LocaleFolders folders, string baseLanguage, string language, IReadOnlyDictionary<string, string> texts)
    {
        var folder = folders.Language(language);
        Directory.CreateDirectory(folder);
        var ownFiles = folders.FilesOfKeys(language);
        var baseFiles = folders.FilesOfKeys(baseLanguage);
        var byFile = texts.GroupBy(pair => ownFiles.GetValueOrDefault(pair.Key) ?? baseFiles[pair.Key]);
        foreach (var group in byFile)
        {
            var path = Path.Combine(folder, group.Key);
            var lines = File.Exists(path) ? File.ReadAllText(path).Split('\n').ToList() : [];
            var trailingNewline = lines.Count > 0 && lines[^1].Length == 0;
            if (trailingNewline) lines.RemoveAt(lines.Count - 1);
            foreach (var (key, text) in group)
            {
                var line = $"{key}: {Quote(text)}";
                var at = lines.FindIndex(l => LocaleFolders.TextLine().Match(l) is { Success: true } m && m.Groups["key"].Value == key);
                if (at >= 0)
                {
                    lines[at] = line;
                    continue;
                }

                lines.Insert(InsertionPoint(lines, key, BaseOrder(folders, baseLanguage, group.Key)), line);
            }
            File.WriteAllText(path, string.Join('\n', lines) + (trailingNewline || lines.Count > 0 ? "\n" : ""));
        }
    }

    /// <summary>YAML's double-quoted style, as the locale files use it.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    static List<string> BaseOrder(LocaleFolders folders, string baseLanguage, string fileName)
    {
        var path = Path.Combine(folders.Language(baseLanguage), fileName);
        return File.Exists(path)
            ? File.ReadLines(path).Select(l => LocaleFolders.TextLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["key"].Value).ToList()
            : [];
    }

    // After the nearest key that comes before it in the base file; at the end when none is there.
    static int InsertionPoint(List<string> lines, string key, List<string> baseOrder)
    {
        var position = baseOrder.IndexOf(key);
        for (var i = position - 1; i >= 0; i--)
        {
            var previous = baseOrder[i];
            var at = lines.FindIndex(l => LocaleFolders.TextLine().Match(l) is { Success: true } m && m.Groups["key"].Value == previous);
            if (at >= 0) return at + 1;
        }
        return lines.Count;
    }
}
