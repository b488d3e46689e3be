using System.Net.WebSockets;
using System.Text;
using Npgsql;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// One WebSocket of a conversation: first what came after the stream URL's watermark (everything when it
/// has none, so a reloaded page shows her whole conversation), then each ActivitySet as commits add
/// activities, and an empty frame as keep-alive when idle. What the client sends (directlinejs's empty
/// pings) is read and ignored.
/// </summary>
public sealed partial class DirectLineStream(ActivityLog log, ActivityStreams streams, DirectLineOptions options, ILogger<DirectLineStream> logger)
{
    public async Task RunAsync(WebSocket socket, Guid conversation, string conversationId, long watermark, CancellationToken aborted)
    {
        using var subscription = streams.Subscribe(conversation); // before the first read, so nothing committed in between is missed
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var reading = ReadUntilClosedAsync(socket, closed);
        try
        {
            while (!closed.IsCancellationRequested)
            {
                ActivitySet set;
                try
                {
                    set = await log.ReadAsync(conversation, conversationId, watermark, closed.Token);
                }
                catch (NpgsqlException e)
                {
                    // The database is busy or away: keep her socket, look again at the next wake-up or keep-alive.
                    LogReadFailed(conversationId, e.Message);
                    set = new ActivitySet([], ActivityLog.Watermark(watermark));
                }

                if (set.Activities.Count > 0)
                {
                    await SendAsync(socket, set.ToJson(), closed.Token);
                    watermark = long.Parse(set.Watermark, System.Globalization.CultureInfo.InvariantCulture);
                    continue; // there may be more than one page
                }

                if (!await subscription.WaitAsync(options.KeepAliveInterval, closed.Token))
                {
                    await SendAsync(socket, "", closed.Token); // keep-alive; then look anyway, in case a notification was missed
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            LogStreamEnded(conversationId, e.GetType().Name);
        }
        finally
        {
            await closed.CancelAsync();
            await reading;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                }
            }
        }
    }

    static async Task SendAsync(WebSocket socket, string text, CancellationToken ct) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);

    static async Task ReadUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Web chat stream of {ConversationId} could not read new activities ({Reason}); trying again at the next keep-alive")]
    partial void LogReadFailed(string conversationId, string reason);

    [LoggerMessage(LogLevel.Debug, "Web chat stream of {ConversationId} ended ({Reason})")]
    partial void LogStreamEnded(string conversationId, string reason);
}
