using MentorBot.Bench;

// dotnet run -c Release --project bench/MentorBot.Bench -- webhooks [--count 2000] [--concurrency 16] [--seconds 20]
// dotnet run -c Release --project bench/MentorBot.Bench -- prompts [--count 10000] [--nodes 2]
var options = BenchOptions.From(args);
return options.Scenario switch
{
    "webhooks" => await WebhookBenchmark.RunAsync(options),
    "prompts" => await PromptDrainBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Scenarios: webhooks (signed inbound SMS per second and latency, beside pgbench running the same writes), prompts (--count due at once drained by --nodes MentorBot processes into a fake Twilio API)");
    return 2;
}
