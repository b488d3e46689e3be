using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>The <c>Twilio__*</c> settings. With no AccountSid MentorBot talks to its built-in simulator instead.</summary>
public sealed class TwilioOptions : IOptionsSection, IValidatableObject
{
    public static string Section => "Twilio";

    public string AccountSid { get; set; } = "";

    /// <summary>Signs every webhook Twilio sends us, so it is needed even when sending with an API key.</summary>
    public string AuthToken { get; set; } = "";

    public string ApiKeySid { get; set; } = "";

    public string ApiKeySecret { get; set; } = "";

    /// <summary>Our number (E.164). Two-way SMS needs a phone number: an alphanumeric sender can't be answered.</summary>
    public string FromNumber { get; set; } = "";

    /// <summary>A Messaging Service (MG…): Twilio picks the sender from its pool. Used when FromNumber is empty.</summary>
    public string MessagingServiceSid { get; set; } = "";

    [Required, AbsoluteUrl("http", "https")]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>How Twilio reaches us (https://bot.example.dk): the URL it signs, and the base of our status callback.</summary>
    [AbsoluteUrl("http", "https", Example = "https://bot.example.dk")]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The country (libphonenumber's region code) of a number written without a country code.</summary>
    [PhoneRegion]
    public string DefaultRegion { get; set; } = "DK";

    /// <summary>
    /// Segments a second per sender, for the whole cluster. A Danish long code is good for about one; a Messaging
    /// Service with several numbers, or a short code, for more.
    /// </summary>
    [Range(0.0, 10_000.0)]
    public double MessagesPerSecond { get; set; } = 1;

    /// <summary>
    /// Sends one node has open at once (POSTs to Twilio, and messages waiting for their sender's next slot). One
    /// conversation's messages still go one after the other, in order.
    /// </summary>
    [Range(1, 256)]
    public int SendsInFlight { get; set; } = 16;

    /// <summary>A node not seen for this long is taken for dead: its sends in flight are reconciled with Twilio by another node.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan NodeLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An approved WhatsApp template (ContentSid HX…) with one variable, for replies outside the 24-hour window.</summary>
    public string WhatsAppTemplateSid { get; set; } = "";

    /// <summary>The program's contact given in the answer to HELP (an e-mail address, a phone number). Empty: HELP gets only the dialog's answer.</summary>
    public string HelpContact { get; set; } = "";

    /// <summary>First wait after a temporary send error; it doubles with every attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for Twilio's answer to a send; after that, Twilio's message list is asked whether it has it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesSimulator => string.IsNullOrWhiteSpace(AccountSid);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesSimulator && string.IsNullOrWhiteSpace(AuthToken))
        {
            yield return new ValidationResult($"{Section}:{nameof(AuthToken)} must be set with {Section}:{nameof(AccountSid)}: it checks the signature of every webhook Twilio sends");
        }

        if (string.IsNullOrWhiteSpace(ApiKeySid) != string.IsNullOrWhiteSpace(ApiKeySecret))
        {
            yield return new ValidationResult($"{Section}:{nameof(ApiKeySid)} and {Section}:{nameof(ApiKeySecret)} go together: set both or neither");
        }
    }
}
