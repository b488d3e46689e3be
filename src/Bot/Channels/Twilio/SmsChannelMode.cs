using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>Where SMS and WhatsApp go: a real Twilio account, the built-in simulator, or nowhere.</summary>
public enum SmsChannelMode
{
    Twilio,
    Simulator,

    /// <summary>No account and no simulator (Production's default without Twilio__AccountSid): web chat only.</summary>
    Off,
}

/// <summary>The mode as a service (an enum can't be one).</summary>
public sealed record SmsChannel(SmsChannelMode Mode);

public static class SmsChannelModes
{
    /// <summary>
    /// A configured account always wins. Without one, the simulator runs when <see cref="SimulatorOptions.Enabled"/>
    /// says so, or, left unset, outside Production: a production server with a forgotten account must not open a
    /// page where anyone can write as any phone number.
    /// </summary>
    public static SmsChannelMode Choose(TwilioOptions twilio, SimulatorOptions simulator, IHostEnvironment environment)
    {
        if (!twilio.UsesSimulator)
        {
            return SmsChannelMode.Twilio;
        }

        return (simulator.Enabled ?? !environment.IsProduction()) ? SmsChannelMode.Simulator : SmsChannelMode.Off;
    }

    /// <summary>The mode for this app, registered once as a singleton.</summary>
    public static SmsChannelMode AddSmsChannelMode(this WebApplicationBuilder builder)
    {
        var mode = Choose(builder.AddValidatedOptions<TwilioOptions>(), builder.AddValidatedOptions<SimulatorOptions>(), builder.Environment);
        if (!builder.Services.Any(service => service.ServiceType == typeof(SmsChannel)))
        {
            builder.Services.AddSingleton(new SmsChannel(mode));
        }

        return mode;
    }
}
