namespace MentorBot.Bot.Coordinator;

/// <summary>
/// Headers on every console response: scripts and styles only from the console itself (no inline script),
/// never framed, no MIME sniffing, no referrer leaving the site, and nothing cached by shared caches.
/// </summary>
public sealed class ConsoleSecurityHeaders(RequestDelegate next)
{
    const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
