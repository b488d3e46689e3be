using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>
/// Configuration section <c>TwilioSimulator</c>: whether the built-in Twilio stand-in runs when no
/// <c>Twilio__AccountSid</c> is set. Unset, it runs in every environment but Production; in Production only
/// with <c>TwilioSimulator__Enabled=true</c>, and then only for requests from the machine itself.
/// </summary>
public sealed class SimulatorOptions : IOptionsSection
{
    public static string Section => "TwilioSimulator";

    /// <summary>
    /// true: run it (in Production too, loopback only); false: never (SMS is off without an account); unset: run it
    /// outside Production. Its test phone lets anyone who reaches it write as any number and read what the bot sent
    /// to any number, phone-link codes included: that is why Production keeps it shut unless asked.
    /// </summary>
    public bool? Enabled { get; set; }
}
