using System.Globalization;

namespace MentorBot.Bench.WebChatLoad;

/// <summary>
/// The command line: where MentorBot is, how many conversations, how many turns each, and its pid for memory.
/// With <c>--hold N</c> it holds N conversations open instead and measures turns of <c>--sample</c> of them
/// at <c>--rate</c> turns per second for <c>--seconds</c> while all are held (see HeldConversations).
/// </summary>
sealed record LoadOptions(string Url, int Conversations, int Turns, int? Pid, int? Hold, int Sample, double Rate, int Seconds, int IdleSeconds)
{
    public static LoadOptions From(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int? Number(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        return new LoadOptions(
            Value("--url") ?? "http://127.0.0.1:5000", Number("--conversations") ?? 100, Number("--turns") ?? 5, Number("--pid"),
            Number("--hold"), Number("--sample") ?? 40, Value("--rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 5,
            Number("--seconds") ?? 30, Number("--idle-seconds") ?? 20);
    }
}
