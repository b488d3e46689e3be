using System.Globalization;

namespace MentorBot.Bench.WebChatLoad;

/// <summary>The command line: where MentorBot is, how many conversations, how many turns each, and its pid for memory.</summary>
sealed record LoadOptions(string Url, int Conversations, int Turns, int? Pid)
{
    public static LoadOptions From(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int? Number(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        return new LoadOptions(Value("--url") ?? "http://127.0.0.1:5000", Number("--conversations") ?? 100, Number("--turns") ?? 5, Number("--pid"));
    }
}
