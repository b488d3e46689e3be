using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// What a translated text must satisfy before it is written: the base text's placeholders, the SMS
/// budget, and in right-to-left languages the direction marks. Each problem is one sentence a volunteer
/// can act on.
/// </summary>
public static class TranslationChecks
{
    /// <summary>The most SMS parts a message may take (as the locale lint tests require).</summary>
    public const int MaxSmsSegments = 3;

    const char RightToLeftMark = '\u200F';

    // Marks that force left-to-right, and the embeddings, overrides and isolates that must be closed.
    static readonly char[] LeftToRightMarks = ['\u200E', '\u202A', '\u202D', '\u2066'];
    static readonly char[] Openers = ['\u202A', '\u202B', '\u202D', '\u202E'];
    static readonly char[] IsolateOpeners = ['\u2066', '\u2067', '\u2068'];

    public static IEnumerable<string> Problems(string key, string source, string translation, string language, LocaleCatalog catalog)
    {
        var wanted = MessageTemplate.Placeholders(source).Order(StringComparer.Ordinal).ToList();
        var found = MessageTemplate.Placeholders(translation).Order(StringComparer.Ordinal).ToList();
        if (!wanted.SequenceEqual(found))
        {
            yield return $"{key}: the placeholders must be {List(wanted)} as in the base text, not {List(found)}.";
        }

        var sample = MessageTemplate.Format(translation, found.Distinct().ToDictionary(name => name, _ => "Mariamanna"));
        var length = SmsLength.Measure(sample);
        if (length.Segments > MaxSmsSegments)
        {
            yield return $"{key}: {length.Units} characters take {length.Segments} SMS parts; at most {MaxSmsSegments} ({SmsBudget(language, catalog)} characters in this language).";
        }

        if (catalog.IsRightToLeft(language))
        {
            if (translation.IndexOfAny(LeftToRightMarks) >= 0)
            {
                yield return $"{key}: a left-to-right mark (LRM, LRE, LRO or LRI) would turn the text around; remove it.";
            }

            if (translation.Count(Openers.Contains) != translation.Count(c => c == '\u202C') || translation.Count(IsolateOpeners.Contains) != translation.Count(c => c == '\u2069'))
            {
                yield return $"{key}: a direction embedding or isolate is opened and not closed (or closed and not opened).";
            }

            if (StartsLeftToRight(translation) && translation[0] != RightToLeftMark)
            {
                yield return $"{key}: the text starts with a placeholder or a Latin word; begin it with a right-to-left mark (U+200F) so phones show it right to left.";
            }
        }
    }

    /// <summary>How many characters three SMS parts hold in a language: 459 in the GSM alphabet, 201 in any other script.</summary>
    public static int SmsBudget(string language, LocaleCatalog catalog)
    {
        var name = catalog.TryText(language, "language.name") ?? "";
        return SmsLength.Measure(name).Encoding == SmsEncoding.Gsm7 ? MaxSmsSegments * 153 : MaxSmsSegments * 67;
    }

    // Phones pick a line's direction from its first strong letter: a placeholder or Latin word first makes it left to right.
    static bool StartsLeftToRight(string text)
    {
        foreach (var c in text)
        {
            if (c == RightToLeftMark) return false;
            if (c == '{') return true;
            if (!char.IsLetter(c)) continue;
            return c < 0x0590; // Latin, Greek, Cyrillic… are left to right; Hebrew, Arabic and after are not
        }
        return false;
    }

    static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "{" + n + "}"));
}
