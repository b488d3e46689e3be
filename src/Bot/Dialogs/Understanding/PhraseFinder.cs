namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// Finds keyword phrases in a reply's words. At each position the longest phrase wins, so Urdu
/// "جی نہیں" (no) is not read as "جی" (yes), and Persian "سه شنبه" (Tuesday) not as "شنبه" (Saturday).
/// </summary>
public sealed class PhraseFinder<TValue>
{
    private readonly List<(string[] Words, TValue Value)> _phrases = [];

    public PhraseFinder<TValue> Add(TValue value, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            var words = TextNormalizer.Words(phrase).ToArray();
            if (words.Length > 0) _phrases.Add((words, value));
        }
        _phrases.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return this;
    }

    public IReadOnlyList<PhraseMatch<TValue>> FindAll(IReadOnlyList<string> words)
    {
        var matches = new List<PhraseMatch<TValue>>();
        var position = 0;
        while (position < words.Count)
        {
            var match = LongestAt(words, position);
            if (match is null)
            {
                position++;
                continue;
            }
            matches.Add(match);
            position += match.Length;
        }
        return matches;
    }

    /// <summary>True when the whole reply is exactly one of the phrases.</summary>
    public bool TryMatchWhole(IReadOnlyList<string> words, out TValue value)
    {
        foreach (var (phrase, candidate) in _phrases)
        {
            if (phrase.Length == words.Count && phrase.SequenceEqual(words, StringComparer.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default!;
        return false;
    }

    private PhraseMatch<TValue>? LongestAt(IReadOnlyList<string> words, int position)
    {
        foreach (var (phrase, value) in _phrases)
        {
            if (position + phrase.Length > words.Count) continue;
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++) all = phrase[i] == words[position + i];
            if (all) return new PhraseMatch<TValue>(value, position, phrase.Length);
        }
        return null;
    }
}
