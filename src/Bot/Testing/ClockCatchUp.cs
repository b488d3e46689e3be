using MentorBot.Data;
using MentorBot.Scheduler.Prompts;

namespace MentorBot.Bot.Testing;

/// <summary>
/// After the test clock moved, plans and sends what the new time made due before the move is answered: the same
/// planner and dispatcher the Hangfire jobs run, with the app's clock. Hangfire fires its recurring jobs on real
/// time, at most once a second and a queue poll later; a walk over months would otherwise wait for them at every
/// stop. The jobs keep running beside it (the planner takes an advisory lock, the dispatcher claims with SKIP
/// LOCKED), so nothing is planned or sent twice.
/// </summary>
public sealed class ClockCatchUp(IServiceScopeFactory scopes, TimeProvider clock, bool runsScheduler)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!runsScheduler)
        {
            return; // a web-only node plans nothing; the scheduler nodes' jobs catch up on their own
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await new MatchLifePlanner(scope.ServiceProvider.GetRequiredService<MentorBotDb>(), clock).PlanAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<PromptDispatcher>(scope.ServiceProvider).DrainAsync(handedOverOnly: false, cancellationToken);
        }
    }
}
