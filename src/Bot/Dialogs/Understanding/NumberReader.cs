using System.Globalization;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Understanding;

public static class NumberReader
{
    /// <summary>
    /// The one whole number in a reply: digits in any script ("٥", "۵", "5") or a spelled-out small
    /// number ("five", "fem", "خمسة"). Null when there is none or more than one different number.
    /// </summary>
    public static int? Read(string reply, LanguageKeywords keywords)
    {
        var words = TextNormalizer.Words(reply);
        var found = new List<int>();
        foreach (var word in words)
        {
            if (word.All(char.IsAsciiDigit))
            {
                if (!int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
                found.Add(number);
            }
        }

        var spelled = new PhraseFinder<int>();
        foreach (var (number, phrases) in keywords.Numbers) spelled.Add(number, phrases);
        found.AddRange(spelled.FindAll(words).Select(match => match.Value));

        var distinct = found.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }
}
