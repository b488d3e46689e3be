using MentorBot.Scheduler;
using MentorBot.Scheduler.Prompts;

namespace MentorBot.Bot.Scheduling;

/// <summary>
/// On a web node that runs no scheduler (<c>Scheduler__Enabled=false</c>): starts the dialogs of the
/// prompts a scheduler-only worker (<c>src/Scheduler</c>) decided to send and handed over as
/// <c>ready</c>. The same dispatcher does it — rules re-checked, claimed with SKIP LOCKED, marked sent
/// in the transaction that queues the replies — so several web nodes send each one once.
/// </summary>
public sealed class HandedOverPrompts(IServiceScopeFactory scopes, SchedulerOptions options, ILogger<HandedOverPrompts> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PromptPollInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DrainAsync(handedOverOnly: true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Handed-over prompts could not be sent; trying again at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
