using MentorBot.Bench;

// dotnet run -c Release --project bench/MentorBot.Bench -- webhooks [--count 2000] [--concurrency 16] [--seconds 20]
var options = BenchOptions.From(args);
return options.Scenario switch
{
    "webhooks" => await WebhookBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Scenarios: webhooks (signed inbound SMS per second and latency, beside pgbench running the same writes)");
    return 2;
}
