namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Drains the outbox on every node: settles sends other nodes left in flight, sends what is due, then sleeps until woken (a commit queued a
/// message), until the next retry is due, or for <see cref="PollInterval"/> at most, in case a
/// notification was missed.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task RunAsync(CancellationToken stoppingToken)
    {
        // Not before the web server listens: the built-in simulator is served by it.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            await started.Task;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = PollInterval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reconciler = scope.ServiceProvider.GetRequiredService<InFlightReconciler>();
                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                // Abandoned sends first: a message left in flight by a dead node is older than anything queued since.
                while (await reconciler.ReconcileNextAsync(stoppingToken) || await sender.SendNextAsync(stoppingToken))
                {
                }

                if (await sender.NextRetryAtAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - clock.GetUtcNow();
                    wait = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < PollInterval ? untilNext : PollInterval;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogDrainFailed(e);
            }

            await signal.WaitAsync(wait, stoppingToken);
        }
    }

    [LoggerMessage(LogLevel.Error, "The outbox could not be drained; trying again shortly")]
    partial void LogDrainFailed(Exception e);
}
