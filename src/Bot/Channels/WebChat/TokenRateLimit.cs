using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// ASP.NET Core's rate limiter on the anonymous token endpoint of the /chat page: a fixed window per
/// client address, answering 429 with <c>Retry-After</c>. Direct Line's own endpoints need the secret or a
/// token; their posts and conversation starts have limits of their own (<see cref="DirectLineRateLimits"/>).
/// </summary>
public static class TokenRateLimit
{
    public const string Policy = "webchat-token";

    public static void AddTokenRateLimit(this IServiceCollection services, TokenRateLimitOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context, options), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0, AutoReplenishment = true,
            }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                var response = rejected.HttpContext.Response;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    static string ClientAddress(HttpContext context, TokenRateLimitOptions options)
    {
        if (options.ClientAddressHeader.Length > 0
            && context.Request.Headers[options.ClientAddressHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [.., var last])
        {
            return last;
        }

        return Hosting.ClientAddress.Of(context);
    }
}
