using System.Threading.Channels;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// Group commit for inbound messages: webhooks that arrive while a batch is being written wait together and are stored
/// in one transaction (<see cref="InboundMessageReceiver.ReceiveTogetherAsync"/>), so a busy node reads, saves and commits
/// once per batch instead of once per message. Each webhook is still answered only after its own message is committed,
/// and a lone webhook takes the single path at once. A batch that fails for any reason (a Twilio retry, two first
/// messages racing, a dialog that throws, the database away) is undone and each of its messages stored on its own,
/// which tells those cases apart exactly as before.
/// </summary>
public sealed partial class InboundGroupCommit(IServiceScopeFactory scopes, ILogger<InboundGroupCommit> logger) : BackgroundService
{
    /// <summary>Enough to make the commit rare under a burst; small enough that one batch's turns are a few ms of work.</summary>
    const int MaxBatch = 32;

    /// <summary>Two writers: one batch's dialogs run in the app while PostgreSQL writes the other's rows.</summary>
    const int Writers = 2;

    readonly Channel<Pending> _incoming = Channel.CreateUnbounded<Pending>();

    sealed record Pending(InboundSms Sms, TaskCompletionSource<InboundOutcome> Stored);

    /// <summary>Stores her message and runs its turn; completes once it is committed. Same outcomes and exceptions as the single path.</summary>
    public Task<InboundOutcome> ReceiveAsync(InboundSms sms)
    {
        var pending = new Pending(sms, new TaskCompletionSource<InboundOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _incoming.Writer.TryWrite(pending) ? pending.Stored.Task : AloneAsync(sms); // the node is stopping: on its own
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => WriteAsync()));

    /// <summary>What is queued is still written: its webhooks are waiting for their answer.</summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _incoming.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    async Task WriteAsync()
    {
        var reader = _incoming.Reader;
        while (await reader.WaitToReadAsync())
        {
            // One message per person in a batch: her second one (she wrote twice in a second) waits for her first's commit.
            var (batch, after, people) = (new List<Pending>(), new List<Pending>(), new HashSet<string>());
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                (people.Add(next.Sms.From.Phone) ? batch : after).Add(next);
            }

            await WriteAsync(batch);
            foreach (var pending in after)
            {
                await CompleteAloneAsync(pending);
            }
        }
    }

    async Task WriteAsync(List<Pending> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<InboundMessageReceiver>().ReceiveTogetherAsync([.. batch.Select(p => p.Sms)], CancellationToken.None);
                batch.ForEach(p => p.Stored.TrySetResult(InboundOutcome.Stored));
                return;
            }
            catch (Exception e)
            {
                LogStoringOneByOne(batch.Count, e.GetType().Name);
            }
        }

        // Different people: side by side, as their webhooks ran before there were batches (during an outage each waits
        // out its own retries, not the others').
        await Task.WhenAll(batch.Select(CompleteAloneAsync));
    }

    async Task CompleteAloneAsync(Pending pending)
    {
        try
        {
            pending.Stored.TrySetResult(await AloneAsync(pending.Sms));
        }
        catch (Exception e)
        {
            pending.Stored.TrySetException(e);
        }
    }

    async Task<InboundOutcome> AloneAsync(InboundSms sms)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboundMessageReceiver>().ReceiveAsync(sms, CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Information, "A batch of {Count} inbound messages was undone ({Reason}): each is stored on its own")]
    partial void LogStoringOneByOne(int count, string reason);
}
