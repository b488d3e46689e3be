namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>A message as the simulator saw it: one MentorBot sent through its Messages API, or one the test phone sent to MentorBot.</summary>
public sealed class SimulatedMessage
{
    public required string Sid { get; init; }

    public required string AccountSid { get; init; }

    /// <summary>Twilio's words: <c>outbound-api</c> for MentorBot's messages, <c>inbound</c> for the test phone's.</summary>
    public required string Direction { get; init; }

    public required string To { get; init; }

    public string? From { get; init; }

    public string? MessagingServiceSid { get; init; }

    public string? Body { get; init; }

    public string? ContentSid { get; init; }

    public string? ContentVariables { get; init; }

    public string? StatusCallback { get; init; }

    public required DateTimeOffset DateCreated { get; init; }

    public DateTimeOffset DateUpdated { get; set; }

    /// <summary>When it left for the handset (or, inbound, arrived): null while queued, as at Twilio.</summary>
    public DateTimeOffset? DateSent { get; set; }

    public volatile string Status = "queued";
}
