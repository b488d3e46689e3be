using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// What a translated text must satisfy before it is written: the base text's placeholders, the SMS
/// budget, and in right-to-left languages the direction marks: embeddings and isolates closed, and a
/// right-to-left mark before a placeholder that starts the text (phones pick a line's direction from its
/// first letter, and a Latin name there would show the whole line left to right). Each problem is one sentence a volunteer
/// can act on.
/// </summary>
public static class TranslationChecks
{
    /// <summary>The most SMS parts a message may take (as the locale lint tests require).</summary>
    public const int MaxSmsSegments = 3;

    // Embeddings and overrides (closed by PDF) and isolates (closed by PDI): one left open turns the rest of the message.
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
            if (translation.Count(Openers.Contains) != translation.Count(c => c == '\u202C') || translation.Count(IsolateOpeners.Contains) != translation.Count(c => c == '\u2069'))
            {
                yield return $"{key}: a direction embedding or isolate is opened and not closed (or closed and not opened).";
            }

            if (translation.StartsWith('{'))
            {
                yield return $"{key}: the text starts with a placeholder, which may be a Latin name and turn the whole line left to right; begin it with a right-to-left mark (U+200F).";
            }
        }
    }

    /// <summary>How many characters three SMS parts hold in a language: 459 in the GSM alphabet, 201 in any other script.</summary>
    public static int SmsBudget(string language, LocaleCatalog catalog)
    {
        var name = catalog.TryText(language, "language.name") ?? "";
        return SmsLength.Measure(name).Encoding == SmsEncoding.Gsm7 ? MaxSmsSegments * 153 : MaxSmsSegments * 67;
    }

    static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "{" + n + "}"));
}
