namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// One call to Twilio through its SDK, and what the SDK doesn't carry: it takes no CancellationToken, and its
/// exceptions have no Retry-After, and for a body that is not Twilio's JSON (a proxy's HTML page) not even the HTTP
/// status. <see cref="TwilioApiHandler"/>, between the SDK and the network, finds the current call here (it flows
/// with the async call down into the handler) and fills in what it saw.
/// </summary>
public sealed class TwilioCall : IDisposable
{
    static readonly AsyncLocal<TwilioCall?> Ambient = new();

    readonly TwilioCall? _outer;

    TwilioCall(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        _outer = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The call in progress on this async flow, if any.</summary>
    public static TwilioCall? Current => Ambient.Value;

    public static TwilioCall Begin(CancellationToken cancellationToken) => new(cancellationToken);

    public CancellationToken CancellationToken { get; }

    /// <summary>The HTTP status of the last answer, or null when none came.</summary>
    public int? HttpStatus { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    /// <summary>The last answer's body when it was an error (its start only).</summary>
    public string? ErrorBody { get; set; }

    public void Dispose() => Ambient.Value = _outer;
}
