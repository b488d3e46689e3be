namespace MentorBot.Bot.PhoneLinking;

/// <summary>
/// One person known twice (her web chat and her phone) to become one: <paramref name="From"/>'s channels,
/// conversations and messages move to <paramref name="Into"/>, which gets <paramref name="Phone"/>.
/// <paramref name="DeleteFrom"/> when <c>From</c> has no signup of its own (nothing would be lost).
/// </summary>
public sealed record ParticipantMergeRequest(Guid From, Guid Into, string Phone, bool DeleteFrom);
