namespace MentorBot.Bench;

/// <summary>The scenario and its knobs: <c>webhooks --count 2000 --concurrency 16 --seconds 20</c>.</summary>
public sealed record BenchOptions(string Scenario, int Count, int Concurrency, int Seconds, int Nodes = 1, int Warmup = 0)
{
    public static BenchOptions From(string[] args)
    {
        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(args.FirstOrDefault(a => !a.StartsWith('-')) ?? "", Option("--count", 2000), Option("--concurrency", 16), Option("--seconds", 20), Option("--nodes", 1), Option("--warmup", 0));
    }
}
