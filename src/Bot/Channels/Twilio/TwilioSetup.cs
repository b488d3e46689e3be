using MentorBot.Bot.Channels.Twilio.Outbox;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Hosting;
using MentorBot.Data.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot.Bot.Channels.Twilio;

public static class TwilioSetup
{
    /// <summary>
    /// SMS and WhatsApp over Twilio: the webhooks, the outbox that sends and retries, opt-out keywords,
    /// and a "twilio" health check. With no <c>Twilio__AccountSid</c> it talks to the built-in simulator.
    /// </summary>
    public static void AddTwilioChannel(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<TwilioOptions>();
        var mode = builder.AddSmsChannelMode();
        var services = builder.Services;
        services.AddSingleton<LocalServerAddress>();
        services.AddSingleton<TwilioAccount>();
        services.AddSingleton(_ => OptOutKeywords.Load(Path.Combine(AppContext.BaseDirectory, "locales", OptOutKeywords.FileName)));

        services.AddSingleton<HelpKeywordReply>();
        services.AddScoped<InboundMessageReceiver>();
        services.AddSingleton<InboundGroupCommit>();
        services.AddHostedService(provider => provider.GetRequiredService<InboundGroupCommit>());
        services.AddSingleton<DeliveryStatusRecorder>();

        // Twilio's SDK on a factory HttpClient whose handler sends its requests to Twilio__ApiBaseUrl (or the simulator).
        services.AddTransient<TwilioApiHandler>();
        // Without the factory's request logging: two log scopes and four log calls per send, for lines that say less
        // than the outbox's own (which name the message and its outcome).
        services.AddHttpClient<TwilioMessagesApi>(http => http.Timeout = options.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<TwilioApiHandler>()
            .RemoveAllLoggers();
        services.AddSingleton<SenderPacing>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxNodeIdentity>();
        services.AddScoped<DeliveryPlanner>();
        services.AddScoped<OutboxClaimer>();
        services.AddScoped<SendResultRecorder>();
        services.AddScoped<InFlightReconciler>();
        if (mode != SmsChannelMode.Off) // SMS off: replies stay queued; nothing would take them
        {
            services.AddHostedService<OutboxNodeHeartbeat>();
            services.AddHostedService<OutboxNotificationListener>();
            services.AddHostedService<OutboxDispatcher>();
        }

        services.AddHealthChecks().AddCheck<TwilioHealthCheck>("twilio");
    }

    /// <summary>The webhooks, unless SMS is off (then they are 404 like the simulator's routes).</summary>
    public static void MapTwilioChannel(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SmsChannel>().Mode != SmsChannelMode.Off)
        {
            app.MapTwilioWebhooks();
        }
    }
}
