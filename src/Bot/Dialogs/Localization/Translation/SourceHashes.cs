using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// <c>locales/&lt;lang&gt;/.source-hashes.yaml</c>: for each key translated through <c>locales import</c>,
/// a short hash of the base-language text the translation was made from. When the base text changes, its
/// hash no longer matches and the translation shows as outdated (fuzzy in the next export). A key with no
/// hash predates the round trip and counts as translated. The file starts with a dot, so the catalog
/// loader skips it.
/// </summary>
public static class SourceHashes
{
    public const string FileName = ".source-hashes.yaml";

    /// <summary>The first 12 hex digits of the SHA-256 of the text: short enough to read, long enough to differ.</summary>
    public static string Of(string sourceText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceText)))[..12];

    public static Dictionary<string, string> Read(string languageFolder)
    {
        var path = Path.Combine(languageFolder, FileName);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return hashes;
        foreach (var line in File.ReadAllLines(path))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 0) continue;
            hashes[line[..colon].Trim()] = line[(colon + 2)..].Trim().Trim('"');
        }
        return hashes;
    }

    public static void Write(string languageFolder, IReadOnlyDictionary<string, string> hashes)
    {
        var lines = new List<string>
        {
            "# Written by `locales import`: key → hash of the base text each translation was made from.",
            "# A changed base text makes its translation outdated. Do not edit by hand.",
        };
        lines.AddRange(hashes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}"));
        File.WriteAllText(Path.Combine(languageFolder, FileName), string.Join('\n', lines) + "\n");
    }
}
