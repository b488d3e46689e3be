using MentorBot.Bot.Hosting;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.WebChat;

public static class WebChatSetup
{
    /// <summary>
    /// Web chat: Direct Line 3.0 for Web Chat and other Direct Line clients, the conversations behind
    /// it, the WebSocket streams woken across nodes by PostgreSQL, and the <c>/chat</c> page.
    /// </summary>
    public static void AddWebChat(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<DirectLineOptions>();
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(options.Secret))
        {
            // A secret made up at start dies with the process (every open chat breaks at a restart) and differs per node.
            throw new StartupException("DirectLine__Secret must be set in Production: it signs every web chat token, on every node.",
                new InvalidOperationException("no Direct Line secret"));
        }

        using (var loggers = builder.CreateStartupLoggers())
        {
            builder.Services.AddSingleton(DirectLineSecret.From(options, loggers.CreateLogger<DirectLineSecret>()));
        }

        var services = builder.Services;
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineTokenGenerations>();
        services.AddSingleton<DirectLineAuthorization>();
        services.AddSingleton<DirectLineRateLimits>();
        services.AddSingleton<DatabaseUseLimit>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ActivityStreams>();
        services.AddSingleton<DirectLineStream>();
        services.AddSingleton<WebChatReplies>();
        services.AddScoped<WebChatConversations>();
        services.AddSingleton<ActivityNotificationListener>();
        services.AddHostedService(provider => provider.GetRequiredService<ActivityNotificationListener>());
        services.AddHealthChecks().AddCheck<WebChatHealthCheck>("webchat");
        services.AddTokenRateLimit(builder.AddValidatedOptions<TokenRateLimitOptions>());
        builder.AddValidatedOptions<DirectLineRateLimitOptions>();
    }

    public static void MapWebChat(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseRateLimiter();
        app.MapDirectLine();
        app.MapWebChatPage();
    }
}
