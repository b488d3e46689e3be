namespace MentorBot.Bot.Coordinator;

/// <summary>
/// Where the console's cookies are https-only (outside Development and Testing), a console request that did not come
/// over https (directly, or through a configured proxy's <c>X-Forwarded-Proto: https</c>) gets 403 and a sentence
/// saying so. Before, antiforgery refused to work on it and threw: the login page answered 500, and a password typed
/// there would have crossed the network in clear.
/// </summary>
public sealed class ConsoleHttpsRequirement(RequestDelegate next)
{
    public const string Refusal =
        "The console is served over https only. Open it through the TLS proxy (https://…); a proxy must be listed in " +
        "Proxy__KnownProxies or Proxy__KnownNetworks and send X-Forwarded-Proto: https.";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync(Refusal);
    }
}
