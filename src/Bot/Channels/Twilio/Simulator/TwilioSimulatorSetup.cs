using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

public static class TwilioSimulatorSetup
{
    /// <summary>
    /// The built-in Twilio stand-in, only when no <c>Twilio__AccountSid</c> is configured: a Messages API
    /// MentorBot sends to, status callbacks, and the test phone page. With a real account none of it exists (404).
    /// </summary>
    public static void AddTwilioSimulator(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<TwilioOptions>();
        if (!options.UsesSimulator)
        {
            return;
        }

        builder.Services.AddSingleton<TwilioSimulator>();
        builder.Services.AddSingleton<SimulatorStatusCallbacks>();
        builder.Services.AddHttpClient(SimulatorStatusCallbacks.HttpClientName);
    }

    public static void MapTwilioSimulator(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<TwilioAccount>().IsSimulator)
        {
            return;
        }

        app.MapSimulatorApi();
        app.MapTestPhone();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var local = app.Services.GetRequiredService<Hosting.LocalServerAddress>().Get();
            app.Logger.LogInformation("No Twilio__AccountSid: SMS and WhatsApp go to the built-in Twilio simulator. Test phone: {Url}", local + TestPhoneEndpoints.PagePath);
        });
    }
}
