namespace MentorBot.Bot.Channels.Twilio;

/// <summary>One message as Twilio's list endpoint shows it: what the outbox needs to recognise a send of its own.</summary>
public sealed record TwilioListedMessage(string Sid, string? To, string? From, string? Body, string? Direction, string? Status, DateTimeOffset? DateCreated);

/// <summary>The messages found, or why Twilio couldn't be asked (then <see cref="Messages"/> is null).</summary>
public sealed record TwilioListResult(IReadOnlyList<TwilioListedMessage>? Messages, TwilioApiError? Error = null);
