using System.Net;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// A request from this machine itself, not passed on by a proxy: the TCP peer is a loopback address and no
/// header names another client. A proxy on the same host connects from loopback too, and not every proxy
/// says so in X-Forwarded-For (nginx's <c>X-Real-IP</c>), so any such header disqualifies the request.
/// </summary>
public static class DirectLoopback
{
    static readonly string[] ProxyHeaders =
        ["X-Forwarded-For", "X-Original-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP"];

    public static bool Is(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && !ProxyHeaders.Any(header => context.Request.Headers.ContainsKey(header));

    /// <summary>An endpoint filter: anything but a direct loopback request gets 404, as if the path did not exist.</summary>
    public static async ValueTask<object?> OnlyFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Is(context.HttpContext) ? await next(context) : TypedResults.NotFound();
}
