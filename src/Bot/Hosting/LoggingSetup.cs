namespace MentorBot.Bot.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Console logs, one line per event with named properties; <c>Logging__Console__FormatterName=json</c>
    /// switches to JSON lines for a log collector. Nothing logged may hold a secret or a whole phone number.
    /// </summary>
    public static void AddMentorBotLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        // "Request starting GET …/stream?t=<token>" would put a live Direct Line token (Direct Line's protocol puts it
        // in the WebSocket's URL) into the log at Information; Kestrel's bad-request lines repeat a request target.
        // Added after the configuration's rules, so a Logging__LogLevel__… setting can't turn them back on.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Warning);
    }

    /// <summary>A logger factory for the start-up work done before the host is built (starting the database).</summary>
    public static ILoggerFactory CreateStartupLoggers(this WebApplicationBuilder builder) =>
        LoggerFactory.Create(logging =>
        {
            logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
            logging.AddConsole();
        });
}
