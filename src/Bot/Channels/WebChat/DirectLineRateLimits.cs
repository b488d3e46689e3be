using System.Globalization;
using System.Threading.RateLimiting;
using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// Direct Line's rate limits (<see cref="DirectLineRateLimitOptions"/>): posts per conversation and per client
/// address, chained so a post needs room in both, and conversation starts per client address. Beyond a limit the
/// answer is 429 with <c>Retry-After</c> and Direct Line's ErrorResponse, before the request is read or anything is
/// stored. Endpoint filters rather than the rate-limiting middleware's policies, because a middleware policy gives
/// an endpoint one partition, and a post is counted in two.
/// </summary>
public sealed class DirectLineRateLimits : IDisposable
{
    readonly DirectLineAuthorization _authorization;
    readonly PartitionedRateLimiter<HttpContext> _postsPerConversation;
    readonly PartitionedRateLimiter<HttpContext> _postsPerAddress;
    readonly PartitionedRateLimiter<HttpContext> _posts;
    readonly PartitionedRateLimiter<HttpContext> _starts;
    readonly TimeSpan _window;

    public DirectLineRateLimits(DirectLineRateLimitOptions options, DirectLineAuthorization authorization)
    {
        _authorization = authorization;
        _window = options.Window;
        _postsPerConversation = PartitionedRateLimiter.Create<HttpContext, string>(context => ConversationOf(context) is { } conversation
            ? RateLimitPartition.GetFixedWindowLimiter(conversation, _ => Window(options.PostsPerConversation))
            : RateLimitPartition.GetNoLimiter(""));
        _postsPerAddress = PerAddress(options.PostsPerAddress);
        _posts = PartitionedRateLimiter.CreateChained(_postsPerConversation, _postsPerAddress);
        _starts = PerAddress(options.ConversationStartsPerAddress);
    }

    /// <summary>The filter on <c>POST conversations/{id}/activities</c>.</summary>
    public static ValueTask<object?> LimitPosts(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limits = context.HttpContext.RequestServices.GetRequiredService<DirectLineRateLimits>();
        return limits.LimitAsync(limits._posts, context, next);
    }

    /// <summary>The filter on <c>POST conversations</c>.</summary>
    public static ValueTask<object?> LimitStarts(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limits = context.HttpContext.RequestServices.GetRequiredService<DirectLineRateLimits>();
        return limits.LimitAsync(limits._starts, context, next);
    }

    async ValueTask<object?> LimitAsync(PartitionedRateLimiter<HttpContext> limiter, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = limiter.AttemptAcquire(context.HttpContext);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return DirectLineErrors.TooManyRequests(seconds);
    }

    PartitionedRateLimiter<HttpContext> PerAddress(int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => HoldsTheSecret(context)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => Window(permits)));

    FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = _window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>
    /// The conversation a post counts against, only when the caller may post there: a request with a made-up or
    /// another conversation's credential is refused anyway, and must not use up her allowance.
    /// </summary>
    string? ConversationOf(HttpContext context) =>
        context.Request.RouteValues["conversationId"] is string conversation && _authorization.Read(context.Request).Caller is { } caller && caller.MayUse(conversation)
            ? conversation
            : null;

    bool HoldsTheSecret(HttpContext context) => _authorization.Read(context.Request).Caller is { HasSecret: true };

    public void Dispose()
    {
        _posts.Dispose();
        _postsPerConversation.Dispose();
        _postsPerAddress.Dispose();
        _starts.Dispose();
    }
}
