using System.Security.Cryptography;
using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// The Twilio account MentorBot uses: the configured one, or, with no <c>Twilio__AccountSid</c>, the built-in
/// simulator with an account SID and token generated at start, served by this same process.
/// </summary>
public sealed class TwilioAccount
{
    /// <summary>The number the simulator sends from when none is configured (a Danish non-geographic range).</summary>
    public const string SimulatorFromNumber = "+4570000000";

    readonly TwilioOptions _options;
    readonly LocalServerAddress _local;

    public TwilioAccount(TwilioOptions options, LocalServerAddress local)
    {
        _options = options;
        _local = local;
        IsSimulator = options.UsesSimulator;
        AccountSid = IsSimulator ? "AC" + RandomHex() : options.AccountSid.Trim();
        // The simulator's token is generated unless one is given, so another client (Twilio's own npm
        // library, curl) can call the simulator too; its account SID is shown by /health.
        AuthToken = IsSimulator && string.IsNullOrWhiteSpace(options.AuthToken) ? RandomHex() : options.AuthToken.Trim();
        FromNumber = IsSimulator && string.IsNullOrWhiteSpace(options.FromNumber) && string.IsNullOrWhiteSpace(options.MessagingServiceSid)
            ? SimulatorFromNumber
            : options.FromNumber.Trim();
    }

    public bool IsSimulator { get; }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public string FromNumber { get; }

    public string MessagingServiceSid => _options.MessagingServiceSid.Trim();

    public TwilioOptions Options => _options;

    /// <summary>Basic-auth user and password for the REST API: an API key when configured, else the account.</summary>
    public (string User, string Password) ApiCredentials =>
        !IsSimulator && !string.IsNullOrWhiteSpace(_options.ApiKeySid) ? (_options.ApiKeySid.Trim(), _options.ApiKeySecret.Trim()) : (AccountSid, AuthToken);

    public string ApiBaseUrl => IsSimulator ? _local.Get() + "/simulator/twilio" : _options.ApiBaseUrl.TrimEnd('/');

    /// <summary>The configured public base URL, if any: the URL Twilio signs is built from it.</summary>
    public string? ConfiguredPublicBaseUrl => string.IsNullOrWhiteSpace(_options.PublicBaseUrl) ? null : _options.PublicBaseUrl.Trim().TrimEnd('/');

    /// <summary>Where Twilio reaches us: the configured URL, or in the simulator this process itself.</summary>
    public string? PublicBaseUrl => ConfiguredPublicBaseUrl ?? (IsSimulator ? _local.Get() : null);

    /// <summary>Our status callback, or null when we don't know our public address (then no callbacks are asked for).</summary>
    public string? StatusCallbackUrl => PublicBaseUrl is { } baseUrl ? baseUrl + TwilioWebhookEndpoints.StatusPath : null;

    static string RandomHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
