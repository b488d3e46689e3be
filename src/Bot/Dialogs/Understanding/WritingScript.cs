using System.Globalization;
using System.Text;

namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// The writing systems the bot tells apart, and the letters within one that only some of its languages
/// use. Which languages write with which script is not kept here: a language's script is the script of
/// its own name (<c>language.name</c>: "العربية", "ትግርኛ"), so a new language needs no code.
/// </summary>
public static class WritingScript
{
    public const string Latin = "latin";
    public const string Arabic = "arabic";
    public const string Cyrillic = "cyrillic";
    public const string Ethiopic = "ethiopic";

    /// <summary>
    /// Letters that narrow a script down to some of its languages. Persian and Urdu share پ چ ژ گ and their
    /// own forms of kaf and yeh, which Arabic does not write; ٹ ڈ ڑ ں ے ھ ہ are Urdu's alone; ة and ى are
    /// Arabic's. і ї є ґ are Ukrainian, ы э ё ъ Russian; æ ø å Danish, ğ ş ı Turkish, ñ ¿ ¡ Spanish, œ French.
    /// </summary>
    static readonly (string Letters, string[] Languages)[] Distinctive =
    [
        ("ٹڈڑںےۓھہۃ", ["ur"]),
        ("پچژگکی", ["fa", "ur"]),
        ("ةى", ["ar"]),
        ("іїєґІЇЄҐ", ["uk"]),
        ("ыэёъЫЭЁЪ", ["ru"]),
        ("æøåÆØÅ", ["da"]),
        ("ğşıİĞŞ", ["tr"]),
        ("ñ¿¡áíóúÑÁÍÓÚ", ["es"]),
        ("œèêëàùŒÈÊËÀÙ", ["fr"]),
        ("çÇâîûÂÎÛ", ["fr", "tr"]),
    ];

    /// <summary>The script most of the letters are in, or null when the text has no letters (digits, emoji).</summary>
    public static string? Of(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rune in text.EnumerateRunes())
        {
            if (ScriptOf(rune) is { } script) counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        return counts.Count == 0 ? null : counts.MaxBy(pair => pair.Value).Key;
    }

    /// <summary>
    /// The languages the distinctive letters in the text leave, from <paramref name="languages"/> (those
    /// written in its script); all of them when it has none, or when its letters contradict each other.
    /// </summary>
    public static IReadOnlyList<string> Narrow(string text, IReadOnlyList<string> languages)
    {
        IReadOnlyList<string> left = languages;
        foreach (var (letters, only) in Distinctive)
        {
            if (!text.Any(letters.Contains)) continue;
            var narrower = left.Where(only.Contains).ToList();
            if (narrower.Count > 0) left = narrower;
        }
        return left;
    }

    static string? ScriptOf(Rune rune)
    {
        if (!Rune.IsLetter(rune)) return null;
        var value = rune.Value;
        return value switch
        {
            < 0x0250 => Latin,
            >= 0x1E00 and < 0x1F00 => Latin,
            >= 0x0400 and < 0x0530 => Cyrillic,
            >= 0x0600 and < 0x0780 or >= 0x08A0 and < 0x0900 or >= 0xFB50 and < 0xFE00 or >= 0xFE70 and < 0xFF00 => Arabic,
            >= 0x1200 and < 0x13A0 or >= 0x2D80 and < 0x2DE0 or >= 0xAB00 and < 0xAB30 => Ethiopic,
            _ => CharUnicodeInfo.GetUnicodeCategory(value) == UnicodeCategory.OtherLetter ? "other" : null,
        };
    }
}
