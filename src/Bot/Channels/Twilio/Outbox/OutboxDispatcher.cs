using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Drains the outbox on every node with up to <c>Twilio__SendsInFlight</c> sends open at once. One loop claims due
/// messages in batches (<see cref="OutboxClaimer"/>) of up to <see cref="ClaimAheadFactor"/> times that many, so the next
/// claim is made while the last one's sends are still out; each send waits for a free send and its sender's slot and POSTs,
/// and one recorder stores the answers in batches (<see cref="SendResultRecorder"/>) and wakes the loop, since a stored
/// answer lets her next message go. When nothing is due the loop sleeps until woken (a commit queued a message), until
/// the next retry is due, or for <see cref="PollInterval"/> at most, in case a notification was missed. Sends other
/// nodes left in flight are settled first, at most once a second.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    SenderPacing pacing,
    OutboxSignal signal,
    TwilioOptions options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Claimed sends a node holds at most, as a multiple of the sends it has open: a claim costs a transaction however
    /// many it takes, and sends claimed in batches of a few only as POSTs end kept the node waiting on its claims (275 a
    /// second at 16 sends open, where the database and the API could take twice that). A claimed send still waiting for
    /// a free send is in flight like the others: a node that dies leaves it to the reconciler, which asks Twilio first.
    /// </summary>
    public const int ClaimAheadFactor = 4;

    /// <summary>Answers stored together at most: one transaction's worth.</summary>
    const int RecordBatch = 256;

    readonly ConcurrentDictionary<Guid, Task> _open = new();

    /// <summary>
    /// Per sender, the time this node's claimed sends will reserve and have not yet: a claim counts it with the sender's
    /// backlog in the database, or a quick second claim would take more of a slow sender than fits in its lookahead.
    /// </summary>
    readonly ConcurrentDictionary<string, TimeSpan> _unreserved = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the web server listens: the built-in simulator is served by it.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var answers = Channel.CreateUnbounded<OutboxSendResult>(new UnboundedChannelOptions { SingleReader = true });
        var recording = RecordAsync(answers.Reader);
        // Not disposed: a send still open when the node gives up waiting for it releases its place after this returns.
        var claimable = options.SendsInFlight * ClaimAheadFactor;
        var room = new SemaphoreSlim(claimable, claimable);
        var open = new SemaphoreSlim(options.SendsInFlight, options.SendsInFlight);
        try
        {
            await ClaimAsync(room, claimable, open, answers.Writer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Sends already out are answered and stored before the node stops; a later start would only reconcile them.
            await Task.WhenAll(_open.Values).WaitAsync(options.RequestTimeout + TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            answers.Writer.TryComplete();
            await recording;
        }
    }

    /// <param name="room">Places for claimed sends, <paramref name="claimable"/> in all; a send gives its place back once answered.</param>
    /// <param name="open">Sends open at once (<c>Twilio__SendsInFlight</c>).</param>
    async Task ClaimAsync(SemaphoreSlim room, int claimable, SemaphoreSlim open, ChannelWriter<OutboxSendResult> answers, CancellationToken stoppingToken)
    {
        var reconciledAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // At least half the places free before a claim: claims one message at a time, as each POST ends, would cost a
            // transaction per message. Idle, they are all free, so a message queued alone goes at once.
            var taken = 0;
            for (; taken < Math.Max(1, claimable / 2); taken++)
            {
                await room.WaitAsync(stoppingToken);
            }

            while (taken < claimable && room.Wait(0))
            {
                taken++;
            }

            var wait = TimeSpan.Zero;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (clock.GetUtcNow() - reconciledAt >= ReconcileEvery)
                {
                    // Abandoned sends first: a message left in flight by a dead node is older than anything queued since.
                    var reconciler = scope.ServiceProvider.GetRequiredService<InFlightReconciler>();
                    while (await reconciler.ReconcileNextAsync(stoppingToken))
                    {
                    }

                    reconciledAt = clock.GetUtcNow();
                }

                var claimer = scope.ServiceProvider.GetRequiredService<OutboxClaimer>();
                var claim = await claimer.ClaimAsync(taken, _unreserved, stoppingToken);
                // A typed client from the root: it is not disposable, and outlives this scope with its sends.
                var twilio = services.GetRequiredService<TwilioMessagesApi>();
                foreach (var send in claim.Sends)
                {
                    taken--;
                    Unreserved(send, +1);
                    _open[send.MessageId] = SendAsync(twilio, send, room, open, answers, stoppingToken);
                }

                if (claim.Rows < taken + claim.Sends.Count)
                {
                    // Fewer due than asked for: sleep until something may be.
                    wait = PollInterval;
                    var nextRetry = claim.Rows > 0 ? claim.NextRetryAt : await claimer.NextRetryAtAsync(stoppingToken);
                    if (nextRetry is { } next && next - clock.GetUtcNow() < wait)
                    {
                        wait = next - clock.GetUtcNow();
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogDrainFailed(e);
                wait = PollInterval;
            }
            finally
            {
                if (taken > 0)
                {
                    room.Release(taken);
                }
            }

            if (wait > TimeSpan.Zero)
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Waits for a free send and its sender's slot, POSTs, and hands the answer to the recorder; its place is free again
    /// once the POST is over. One still waiting when the node stops is answered "not sent", and so queued again.
    /// </summary>
    async Task SendAsync(TwilioMessagesApi twilio, OutboxSend send, SemaphoreSlim room, SemaphoreSlim open, ChannelWriter<OutboxSendResult> answers, CancellationToken stoppingToken)
    {
        await Task.Yield();
        TwilioSendResult? result = null;
        var sending = false;
        var reserved = false;
        try
        {
            await open.WaitAsync(stoppingToken);
            sending = true;
            // Reserved just before the POST, so a slow start (a cold process, a starved machine) delays the slot, not squeezes the next.
            TimeSpan wait;
            try
            {
                wait = await pacing.ReserveAsync(send.Plan.Request.Sender, send.Plan.Segments, stoppingToken);
            }
            finally
            {
                reserved = true;
                Unreserved(send, -1);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            // Once out, a POST is not cut short by the node stopping: its answer is worth storing (RequestTimeout bounds it).
            result = await twilio.SendAsync(send.Plan.Request, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // No slot (the database went away): nothing was sent, and the message is queued again once the answer is stored.
            LogNotSent(send.MessageId, e.Message);
        }
        finally
        {
            if (!reserved)
            {
                Unreserved(send, -1);
            }

            answers.TryWrite(new OutboxSendResult(send, result));
            if (sending)
            {
                open.Release();
            }

            room.Release();
            _open.TryRemove(send.MessageId, out _);
        }
    }

    void Unreserved(OutboxSend send, int sign)
    {
        var cost = pacing.Cost(send.Plan.Segments) * sign;
        if (cost != TimeSpan.Zero)
        {
            _unreserved.AddOrUpdate(send.Plan.Request.Sender, cost, (_, time) => time + cost);
        }
    }

    /// <summary>Stores the answers as they come, many at a time; keeps going until the dispatcher has stopped and every answer is stored.</summary>
    async Task RecordAsync(ChannelReader<OutboxSendResult> answers)
    {
        var batch = new List<OutboxSendResult>(RecordBatch);
        while (await answers.WaitToReadAsync())
        {
            while (batch.Count < RecordBatch && answers.TryRead(out var answer))
            {
                batch.Add(answer);
            }

            await StoreAsync(batch);
            batch.Clear();
            signal.Wake();
        }
    }

    /// <summary>
    /// Tries a few times over about half a minute while the database is away. Given up, the sends stay in flight on this
    /// node, and the reconciler settles them from Twilio's list once they count as stuck: nothing is lost or sent twice.
    /// </summary>
    async Task StoreAsync(List<OutboxSendResult> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendResultRecorder>().RecordAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < 5)
            {
                LogRecordFailed(batch.Count, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2), clock);
            }
            catch (Exception e)
            {
                LogRecordGivenUp(batch.Count, e);
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "The outbox could not be drained; trying again shortly")]
    partial void LogDrainFailed(Exception e);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} was not sent: no slot could be reserved ({Reason}); it is queued again")]
    partial void LogNotSent(Guid messageId, string reason);

    [LoggerMessage(LogLevel.Warning, "Twilio's answers to {Count} sends could not be stored (attempt {Attempt}: {Reason}); trying again")]
    partial void LogRecordFailed(int count, int attempt, string reason);

    [LoggerMessage(LogLevel.Error, "Twilio's answers to {Count} sends could not be stored; they stay in flight until reconciled with Twilio's list")]
    partial void LogRecordGivenUp(int count, Exception e);
}
