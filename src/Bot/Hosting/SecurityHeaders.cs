namespace MentorBot.Bot.Hosting;

/// <summary>
/// Headers on every response, whatever route answered (the health check, a webhook's TwiML, a 404): no MIME
/// sniffing, never framed, no referrer leaving the site. A page with its own Content-Security-Policy (the
/// console, /chat) keeps it; every other response gets one that only forbids framing.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string FramingOnlyPolicy = "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Registered first, so it runs last of the OnStarting callbacks: what a page set stays.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = FramingOnlyPolicy;
            }

            if (string.IsNullOrEmpty(headers.XFrameOptions))
            {
                headers.XFrameOptions = "DENY";
            }

            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "no-referrer";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
