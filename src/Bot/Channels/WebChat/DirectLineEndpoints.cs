using System.Text.Json.Nodes;
using Npgsql;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// Direct Line 3.0 under <c>/v3/directline</c>, as Web Chat and botframework-directlinejs speak it: tokens,
/// conversations, activities (polling with watermarks, and posting), the WebSocket stream, and uploads
/// (refused: the bot reads text only). Every refusal is a 4xx with Direct Line's ErrorResponse; posts and
/// conversation starts are rate limited (<see cref="DirectLineRateLimits"/>).
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    public static void MapDirectLine(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup(Prefix).DisableAntiforgery();
        directLine.MapPost("/tokens/generate", GenerateToken);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversation).AddEndpointFilter(DirectLineRateLimits.LimitStarts);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivity).AddEndpointFilter(DirectLineRateLimits.LimitPosts);
        directLine.MapPost("/conversations/{conversationId}/upload", Upload);
        directLine.MapGet("/conversations/{conversationId}/stream", Stream);
    }

    /// <summary>A token for a new conversation, for a server holding the secret; the conversation starts when the token is used.</summary>
    static async Task<IResult> GenerateToken(HttpRequest request, DirectLineAuthorization authorization, DirectLineTokens tokens, DirectLineOptions options, CancellationToken ct)
    {
        var (caller, refusal) = authorization.Read(request);
        if (caller is null)
        {
            return refusal!;
        }

        if (!caller.HasSecret)
        {
            return DirectLineErrors.SecretRequired();
        }

        var (body, bad) = await ActivityRequest.ReadAsync(request, options.MaxActivityBytes, ct);
        if (bad is not null)
        {
            return bad;
        }

        var conversationId = DirectLineIds.NewConversationId();
        var token = tokens.Issue(conversationId, UserIdIn(body) ?? DirectLineIds.NewUserId(), ActivityRequest.Text(body?["locale"]));
        return Results.Ok(new { conversationId, token, expires_in = (int)tokens.Lifetime.TotalSeconds });
    }

    static async Task<IResult> RefreshToken(HttpRequest request, DirectLineAuthorization authorization, DirectLineTokens tokens,
        DirectLineTokenGenerations generations, CancellationToken ct)
    {
        var (caller, refusal) = authorization.Read(request);
        if (caller is null)
        {
            return refusal!;
        }

        if (caller.Token is not { } token)
        {
            return DirectLineErrors.TokenRequired();
        }

        if (!await generations.IsCurrentAsync(token, ct))
        {
            return DirectLineErrors.TokenExpired(); // revoked: no refresh keeps it alive
        }

        return Results.Ok(new
        {
            conversationId = token.ConversationId,
            token = tokens.Issue(token.ConversationId, token.UserId, token.Locale, token.Generation, token.SessionStart),
            expires_in = (int)tokens.Lifetime.TotalSeconds,
        });
    }

    /// <summary>201 when this call opened the conversation (greeted by the first-contact dialog), 200 when the token's conversation already was.</summary>
    static async Task<IResult> StartConversation(HttpRequest request, DirectLineAuthorization authorization, DirectLineTokens tokens,
        DirectLineOptions options, WebChatConversations conversations, DatabaseUseLimit limit, DirectLineTokenGenerations generations, CancellationToken ct)
    {
        var (caller, refusal) = authorization.Read(request);
        if (caller is null)
        {
            return refusal!;
        }

        if (caller.Token is { } presented && !await generations.IsCurrentAsync(presented, ct))
        {
            return DirectLineErrors.TokenExpired(); // an erased person's token must not open her conversation again
        }

        var (body, bad) = await ActivityRequest.ReadAsync(request, options.MaxActivityBytes, ct);
        if (bad is not null)
        {
            return bad;
        }

        var conversationId = caller.Token?.ConversationId ?? DirectLineIds.NewConversationId();
        var userId = caller.Token?.UserId ?? UserIdIn(body) ?? DirectLineIds.NewUserId();
        var locale = caller.Token?.Locale ?? ActivityRequest.Text(body?["locale"]);
        bool opened;
        using (await limit.EnterAsync(ct))
        {
            opened = await conversations.OpenAsync(conversationId, userId, locale, ct);
        }

        var token = caller.Token is { } held
            ? tokens.Issue(conversationId, userId, locale, held.Generation, held.SessionStart)
            : tokens.Issue(conversationId, userId, locale);
        var conversation = new
        {
            conversationId,
            token,
            expires_in = (int)tokens.Lifetime.TotalSeconds,
            streamUrl = StreamUrl(request, options, conversationId, token, watermark: null),
        };
        return opened ? Results.Json(conversation, statusCode: StatusCodes.Status201Created) : Results.Ok(conversation);
    }

    /// <summary>A fresh token and stream URL; with a watermark the stream resumes after it, without one it replays everything.</summary>
    static async Task<IResult> Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineAuthorization authorization,
        DirectLineTokens tokens, DirectLineOptions options, ActivityLog log, DirectLineTokenGenerations generations, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(request, authorization, generations, conversationId, ct);
        if (caller is null)
        {
            return refusal!;
        }

        if (!ActivityLog.TryParseWatermark(watermark, out _))
        {
            return DirectLineErrors.BadRequest("The watermark is not one this service gave.");
        }

        if (await log.FindConversationAsync(conversationId, ct) is not { } conversation)
        {
            return DirectLineErrors.UnknownConversation();
        }

        var token = caller.Token is { } held
            ? tokens.Issue(conversationId, held.UserId, held.Locale, held.Generation, held.SessionStart)
            : tokens.Issue(conversationId, conversation.UserId, null, await generations.CurrentAsync(conversationId, ct));
        return Results.Ok(new
        {
            conversationId,
            token,
            expires_in = (int)tokens.Lifetime.TotalSeconds,
            streamUrl = StreamUrl(request, options, conversationId, token, string.IsNullOrEmpty(watermark) ? null : watermark),
        });
    }

    /// <summary>
    /// Polling. Never a 5xx: directlinejs stops polling for good on one, so a database hiccup answers
    /// "nothing new" with the same watermark, and the next poll tries again.
    /// </summary>
    static async Task<IResult> GetActivities(string conversationId, string? watermark, HttpRequest request, DirectLineAuthorization authorization,
        ActivityLog log, ILoggerFactory loggers, DirectLineTokenGenerations generations, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(request, authorization, generations, conversationId, ct);
        if (caller is null)
        {
            return refusal!;
        }

        if (!ActivityLog.TryParseWatermark(watermark, out var after))
        {
            return DirectLineErrors.BadRequest("The watermark is not one this service gave.");
        }

        try
        {
            if (await log.FindConversationAsync(conversationId, ct) is not { } conversation)
            {
                return DirectLineErrors.UnknownConversation();
            }

            return Results.Content((await log.ReadAsync(conversation.Id, conversationId, after, ct)).ToJson(), "application/json");
        }
        catch (NpgsqlException e)
        {
            loggers.CreateLogger(typeof(DirectLineEndpoints)).LogWarning("Polling {ConversationId} answered empty: {Reason}", conversationId, e.Message);
            return Results.Content(new ActivitySet([], ActivityLog.Watermark(after)).ToJson(), "application/json");
        }
    }

    static async Task<IResult> PostActivity(string conversationId, HttpRequest request, DirectLineAuthorization authorization, DirectLineOptions options,
        ActivityLog log, WebChatConversations conversations, DatabaseUseLimit limit, DirectLineTokenGenerations generations, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(request, authorization, generations, conversationId, ct);
        if (caller is null)
        {
            return refusal!;
        }

        var (activity, bad) = await ActivityRequest.ReadAsync(request, options.MaxActivityBytes, ct);
        if (bad is not null || activity is null)
        {
            return bad ?? DirectLineErrors.BadRequest("An activity is required.");
        }

        switch (ActivityRequest.Text(activity["type"]))
        {
            case "message":
                break;
            case "typing":
                return Results.Ok(new { id = $"{conversationId}|typing" }); // acknowledged; nobody watches her typing
            case null:
                return DirectLineErrors.BadRequest("The activity needs a type.");
            default:
                return DirectLineErrors.BadRequest("Only message activities are accepted.");
        }

        if (activity["attachments"] is JsonArray { Count: > 0 })
        {
            return DirectLineErrors.UploadsNotSupported();
        }

        if (ActivityRequest.Text(activity["text"]) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return DirectLineErrors.BadRequest("A message activity needs a text.");
        }

        if (text.Length > options.MaxTextLength)
        {
            return DirectLineErrors.TextTooLong(options.MaxTextLength); // refused before anything is stored or read as an answer
        }

        if (await log.FindConversationAsync(conversationId, ct) is not { } conversation)
        {
            return DirectLineErrors.UnknownConversation();
        }

        var clientActivityId = ActivityRequest.Text(ActivityRequest.Property(activity["channelData"], "clientActivityID"));
        // A token binds its user: her from.id is whatever the token says. With the secret the client (a server
        // of the site) names its own user, and real Direct Line echoes that id; a client comparing ids would
        // otherwise place its own messages on the bot's side.
        var userId = caller.Token?.UserId ?? PostedUserId(activity) ?? conversation.UserId;
        PostedActivity posted;
        using (await limit.EnterAsync(ct))
        {
            posted = await conversations.PostAsync(conversationId, userId, activity, text.Trim(), clientActivityId, ct);
        }

        return posted.ConversationFound ? Results.Ok(new { id = posted.Id }) : DirectLineErrors.UnknownConversation();
    }

    static IResult Upload(string conversationId, HttpRequest request, DirectLineAuthorization authorization)
    {
        var (caller, refusal) = Authorize(request, authorization, conversationId); // refused either way: no generation to look up
        return caller is null ? refusal! : DirectLineErrors.UploadsNotSupported();
    }

    static async Task<IResult> Stream(string conversationId, string? t, string? watermark, HttpContext http, DirectLineAuthorization authorization,
        ActivityLog log, DirectLineStream stream, DirectLineTokenGenerations generations)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadRequest("The stream is a WebSocket: connect with ws:// or wss://.");
        }

        var (caller, refusal) = string.IsNullOrEmpty(t) ? (null, DirectLineErrors.MissingAuthorization()) : authorization.Check(t);
        if (caller is null)
        {
            return refusal!;
        }

        if (!caller.MayUse(conversationId))
        {
            return DirectLineErrors.WrongConversation();
        }

        if (caller.Token is { } token && !await generations.IsCurrentAsync(token, http.RequestAborted))
        {
            return DirectLineErrors.TokenExpired();
        }

        if (!ActivityLog.TryParseWatermark(watermark, out var after))
        {
            return DirectLineErrors.BadRequest("The watermark is not one this service gave.");
        }

        if (await log.FindConversationAsync(conversationId, http.RequestAborted) is not { } conversation)
        {
            return DirectLineErrors.UnknownConversation();
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversation.Id, conversationId, after, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary><see cref="Authorize"/>, and a token of a revoked generation (her erasure) is refused like an expired one.</summary>
    static async Task<(DirectLineCaller? Caller, IResult? Refusal)> AuthorizeAsync(HttpRequest request, DirectLineAuthorization authorization,
        DirectLineTokenGenerations generations, string conversationId, CancellationToken ct)
    {
        var (caller, refusal) = Authorize(request, authorization, conversationId);
        if (caller?.Token is { } token && !await generations.IsCurrentAsync(token, ct))
        {
            return (null, DirectLineErrors.TokenExpired());
        }

        return (caller, refusal);
    }

    static (DirectLineCaller? Caller, IResult? Refusal) Authorize(HttpRequest request, DirectLineAuthorization authorization, string conversationId)
    {
        var (caller, refusal) = authorization.Read(request);
        if (caller is null)
        {
            return (null, refusal);
        }

        return caller.MayUse(conversationId) ? (caller, null) : (null, DirectLineErrors.WrongConversation());
    }

    static string? PostedUserId(JsonObject activity) =>
        ActivityRequest.Text(ActivityRequest.Property(activity["from"], "id")) is { Length: > 0 and <= 128 } id ? id : null;

    static string? UserIdIn(JsonObject? body) => ActivityRequest.Text(ActivityRequest.Property(body?["user"], "id")) is { Length: > 0 } id ? id : null;

    static string StreamUrl(HttpRequest request, DirectLineOptions options, string conversationId, string token, string? watermark)
    {
        var origin = options.PublicStreamBase?.TrimEnd('/') ?? $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}{request.PathBase}";
        var url = $"{origin}{Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is null ? url : $"{url}&watermark={Uri.EscapeDataString(watermark)}";
    }
}
