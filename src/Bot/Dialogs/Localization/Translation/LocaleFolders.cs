using System.Text.RegularExpressions;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// The repository's <c>locales/</c> (and <c>dialogs/</c> beside it) as translators change them: found from
/// the current folder upwards, so <c>dotnet run --project src/Bot -- locales …</c> from a clone edits the
/// clone's files, never the copy beside the built app.
/// </summary>
public sealed partial class LocaleFolders(string localesDirectory)
{
    public string Locales { get; } = localesDirectory;

    public string Dialogs => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Locales).TrimEnd('/'))!, "dialogs");

    public string Language(string language) => Path.Combine(Locales, language);

    /// <summary>The nearest <c>locales/</c> with a <c>languages.yaml</c>, from <paramref name="start"/> up.</summary>
    public static LocaleFolders? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "locales", "languages.yaml")))
            {
                return new LocaleFolders(Path.Combine(folder.FullName, "locales"));
            }
        }
        return null;
    }

    /// <summary>A text line as the repository writes it: <c>key: "text"</c>.</summary>
    [GeneratedRegex("""^(?<key>[A-Za-z0-9_.\-]+): "(?<text>.*)"\s*$""")]
    public static partial Regex TextLine();

    /// <summary>Each text key of a language and the area file it is defined in (keyword files are not texts).</summary>
    public IReadOnlyDictionary<string, string> FilesOfKeys(string language)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Language(language);
        if (!Directory.Exists(folder)) return files;
        foreach (var file in AreaFiles(folder))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (TextLine().Match(line) is { Success: true } match) files.TryAdd(match.Groups["key"].Value, Path.GetFileName(file));
            }
        }
        return files;
    }

    public static IEnumerable<string> AreaFiles(string folder) =>
        Directory.GetFiles(folder, "*.yaml")
            .Where(file => !Path.GetFileName(file).StartsWith('.') && !Path.GetFileName(file).EndsWith("keywords.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
