using System.Globalization;
using System.Text;

namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// Brings a reply and a keyword to the same plain form before they are compared: lower case, no
/// accents or Arabic vowel marks, one spelling for Arabic/Persian/Urdu letter variants, Latin digits,
/// no invisible characters, words separated by single spaces.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = FoldDigits(RemoveInvisible(text));
        // Turkish dotted capital İ lowercases to "i̇" (i + combining dot) invariantly; phones capitalise
        // the first letter, so "İki" and "DİL" must read as "iki" and "dil".
        var decomposed = folded.Replace('\u0130', 'i').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Accents, harakat, tanween and the hamza sign are combining marks after FormD: أ إ آ → ا.
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            if (IsApostrophe(c)) continue; // "п'ять", "aujourd'hui", "don't" stay one word
            var letter = FoldLetter(c);
            if (letter == '\0') continue;
            if (char.IsLetterOrDigit(letter))
            {
                // "1و3" and "3years": a digit run and a word are separate words.
                if (result.Length > 0 && result[^1] != ' ' && char.IsDigit(result[^1]) != char.IsDigit(letter)) result.Append(' ');
                result.Append(letter);
            }
            else if (result.Length > 0 && result[^1] != ' ')
            {
                result.Append(' ');
            }
        }
        return result.ToString().Trim();
    }

    public static IReadOnlyList<string> Words(string text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0 ? [] : normalized.Split(' ');
    }

    /// <summary>
    /// Any script's decimal digits (Arabic-Indic ٠-٩, Persian ۰-۹, ...) → 0-9, and Ge'ez numbers
    /// (Tigrinya, Amharic: ፫ = 3, ፲፪ = 12, ፳፻፲፰ = 2018) → their value in 0-9.
    /// </summary>
    public static string FoldDigits(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (GeezValue(text[i]) > 0)
            {
                var end = i;
                while (end < text.Length && GeezValue(text[end]) > 0) end++;
                result.Append(GeezNumber(text.AsSpan(i, end - i)).ToString(CultureInfo.InvariantCulture));
                i = end - 1;
                continue;
            }

            var digit = CharUnicodeInfo.GetDecimalDigitValue(text[i]);
            result.Append(digit >= 0 ? (char)('0' + digit) : text[i]);
        }
        return result.ToString();
    }

    // ፩-፱ are 1-9, ፲-፺ the tens, ፻ a hundred and ፼ ten thousand. They are not decimal digits (there is
    // no zero): a number is written additively, with ፻ and ፼ multiplying what stands before them.
    static int GeezValue(char c) => c switch
    {
        >= '\u1369' and <= '\u1371' => c - '\u1368',
        >= '\u1372' and <= '\u137A' => (c - '\u1371') * 10,
        '\u137B' => 100,
        '\u137C' => 10_000,
        _ => 0,
    };

    static long GeezNumber(ReadOnlySpan<char> numerals)
    {
        long total = 0, group = 0;
        foreach (var c in numerals)
        {
            var value = GeezValue(c);
            if (value is 100 or 10_000)
            {
                // "፻" alone is a hundred; "፳፻" twenty hundreds. ፼ multiplies everything before it.
                if (value == 100) total += Math.Max(group, 1) * 100;
                else total = Math.Min(Math.Max(total + group, 1), 100_000_000_000) * 10_000; // no overflow from a run of ፼
                group = 0;
            }
            else
            {
                group += value;
            }
        }

        return total + group;
    }

    /// <summary>
    /// Zero-width and direction marks. Phones insert them around Arabic and Persian text (and the
    /// Persian zero-width non-joiner inside words), and they would make identical words differ.
    /// </summary>
    public static string RemoveInvisible(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var invisible = c is '\u00AD' or '\u061C' or '\uFEFF' or '\u0640'
                || c is >= '\u200B' and <= '\u200F'
                || c is >= '\u202A' and <= '\u202E'
                || c is >= '\u2060' and <= '\u2069';
            if (!invisible) result.Append(c);
        }
        return result.ToString();
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static char FoldLetter(char c) => c switch
    {
        '\u0671' => '\u0627',                                 // alef wasla → alef
        '\u0649' or '\u06CC' or '\u06D2' => '\u064A',          // alef maksura, Persian/Urdu yeh → yeh
        '\u06A9' => '\u0643',                                 // Persian keheh → kaf
        '\u0629' or '\u06C1' or '\u06BE' or '\u06D5' => '\u0647', // ta marbuta, Urdu heh forms → heh
        '\u0131' => 'i',                                      // Turkish dotless ı: "HAYIR" and "hayır" meet
        _ => c,
    };
}
