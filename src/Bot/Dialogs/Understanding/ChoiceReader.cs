namespace MentorBot.Bot.Dialogs.Understanding;

public static class ChoiceReader
{
    /// <summary>
    /// The single option a reply picks, by its number ("2") or its words ("health", "ممرضة").
    /// Extra words are allowed; two different options, or none, give null.
    /// </summary>
    public static string? ReadOne(string reply, IReadOnlyList<ChoiceWords> choices)
    {
        var picked = Pick(TextNormalizer.Words(reply), choices, joiners: [], strict: false);
        return picked is [var only] ? only : null;
    }

    /// <summary>
    /// The options a list reply picks: "1 3 5", "1,3", "1, 3 og 5", "IT and health", "١ و ٣".
    /// Stricter than <see cref="ReadOne"/>: every word must be an option, a number or a joiner ("og",
    /// "و"). A list is easy to misread ("not 1, only 3"), and a re-prompt is cheaper than wrong data.
    /// Returns null when a word is not understood or a number is not on the list.
    /// </summary>
    public static IReadOnlyList<string>? ReadMany(string reply, IReadOnlyList<ChoiceWords> choices, IReadOnlyList<string> joiners) =>
        Pick(TextNormalizer.Words(reply), choices, joiners, strict: true);

    private static List<string>? Pick(IReadOnlyList<string> words, IReadOnlyList<ChoiceWords> choices, IReadOnlyList<string> joiners, bool strict)
    {
        var finder = new PhraseFinder<string?>();
        foreach (var choice in choices) finder.Add(choice.Value, choice.Phrases);
        finder.Add(null, joiners);

        var covered = new bool[words.Count];
        var picked = new List<string>();
        foreach (var match in finder.FindAll(words))
        {
            for (var i = match.Start; i < match.Start + match.Length; i++) covered[i] = true;
            if (match.Value is not null) picked.Add(match.Value);
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (covered[i]) continue;
            if (words[i].All(char.IsAsciiDigit))
            {
                var choice = choices.FirstOrDefault(candidate => candidate.Number.ToString() == words[i].TrimStart('0'));
                if (choice is null) return null; // a number that is not on the list is never ignored
                picked.Add(choice.Value);
            }
            else if (AfterAttachedJoiner(words[i], finder, joiners) is { } attached)
            {
                picked.Add(attached);
            }
            else if (strict)
            {
                return null;
            }
        }

        var distinct = picked.Distinct().ToList();
        return distinct.Count == 0 ? null : distinct;
    }

    /// <summary>
    /// Arabic and Persian write "and" as a letter glued to the next word ("وشبكة" = "and network"); Tigrinya
    /// glues "-ን" to the end of each word it joins ("ስራሕን ትምህርትን" = "work and education"), written as
    /// a joiner with a leading hyphen. A word that is no choice by itself, but is a one-letter joiner and a
    /// one-word choice, is that choice. Only one-letter joiners, so that no ordinary word is cut in two.
    /// </summary>
    private static string? AfterAttachedJoiner(string word, PhraseFinder<string?> finder, IReadOnlyList<string> joiners)
    {
        foreach (var joiner in joiners)
        {
            var suffix = joiner.StartsWith('-');
            var letter = TextNormalizer.Normalize(suffix ? joiner[1..] : joiner);
            if (letter.Length != 1 || word.Length < 2) continue;
            var rest = suffix
                ? (word.EndsWith(letter, StringComparison.Ordinal) ? word[..^1] : null)
                : (word.StartsWith(letter, StringComparison.Ordinal) ? word[1..] : null);
            if (rest is not null && finder.FindAll([rest]).FirstOrDefault() is { Value: { } value, Length: 1 })
            {
                return value;
            }
        }

        return null;
    }
}
