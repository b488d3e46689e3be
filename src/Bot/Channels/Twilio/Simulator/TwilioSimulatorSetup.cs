using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

public static class TwilioSimulatorSetup
{
    /// <summary>
    /// The built-in Twilio stand-in, only when no <c>Twilio__AccountSid</c> is configured and it is allowed
    /// (<see cref="SmsChannelModes.Choose"/>): a Messages API MentorBot sends to, status callbacks, and the test
    /// phone page. Otherwise none of it exists (404).
    /// </summary>
    public static void AddTwilioSimulator(this WebApplicationBuilder builder)
    {
        if (builder.AddSmsChannelMode() != SmsChannelMode.Simulator)
        {
            return;
        }

        builder.Services.AddSingleton<TwilioSimulator>();
        builder.Services.AddSingleton<SimulatorStatusCallbacks>();
        builder.Services.AddHttpClient(SimulatorStatusCallbacks.HttpClientName);
    }

    public static void MapTwilioSimulator(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SmsChannel>().Mode != SmsChannelMode.Simulator)
        {
            return;
        }

        // In Production (explicitly enabled) only the machine itself reaches it: whoever reaches the test phone
        // can write as any number and read every code the bot sent.
        var simulator = app.MapGroup("");
        if (app.Environment.IsProduction())
        {
            simulator.AddEndpointFilter(DirectLoopback.OnlyFilter);
        }

        simulator.MapSimulatorApi();
        simulator.MapTestPhone();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var local = app.Services.GetRequiredService<LocalServerAddress>().Get();
            app.Logger.LogInformation("No Twilio__AccountSid: SMS and WhatsApp go to the built-in Twilio simulator. Test phone: {Url}", local + TestPhoneEndpoints.PagePath);
        });
    }
}
