using MentorBot.Bench;

// dotnet run -c Release --project bench/MentorBot.Bench -- webhooks [--count 2000] [--concurrency 16] [--seconds 20]
//                                                        matching [--count 10000] [--mentees 2000] [--mentors 2000]
//                                                        prompts [--count 10000] [--nodes 2]
//                                                        outbox [--count 20000]
var options = BenchOptions.From(args);
return options.Scenario switch
{
    "webhooks" => await WebhookBenchmark.RunAsync(options),
    "matching" => await MatchingBenchmark.RunAsync(options with { Count = Array.IndexOf(args, "--count") >= 0 ? options.Count : 10_000 }, Option("--mentees", 2000), Option("--mentors", 2000)),
    "prompts" => await PromptDrainBenchmark.RunAsync(options),
    "outbox" => await OutboxDrainBenchmark.RunAsync(options with { Count = Array.IndexOf(args, "--count") >= 0 ? options.Count : 20_000 }),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Scenarios: webhooks (signed inbound SMS per second and latency, beside pgbench running the same writes), matching (suggestions among --count mentors, batch proposal --mentees x --mentors), prompts (--count due at once drained by --nodes MentorBot processes into a fake Twilio API), outbox (--count queued replies to as many people sent by one node, pacing off, into a fake Twilio API)");
    return 2;
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
