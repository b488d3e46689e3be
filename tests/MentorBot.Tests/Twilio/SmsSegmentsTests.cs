using MentorBot.Bot.Channels.Twilio.Outbox;

namespace MentorBot.Tests.Twilio;

/// <summary>How many segments a body takes, which is what a sender's rate is counted in.</summary>
public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData("", 1, "an empty body still takes a segment")]
    [InlineData("Hej Åse, hvordan gik mødet på Ærø?", 1, "Danish æøå are in GSM-7")]
    [InlineData("160:a", 1, "160 GSM-7 characters fit one segment")]
    [InlineData("161:a", 2, "161 split into two of 153")]
    [InlineData("306:a", 2, "two full split segments")]
    [InlineData("307:a", 3, "one more makes three")]
    [InlineData("80:€", 1, "the euro sign is an escape: 80 of them are 160 septets")]
    [InlineData("81:€", 2, "and 81 of them are 162")]
    [InlineData("70:م", 1, "Arabic is UCS-2: 70 fit one segment")]
    [InlineData("71:م", 2, "71 split into two of 67")]
    [InlineData("134:م", 2, "two full UCS-2 segments")]
    [InlineData("135:م", 3, "one more makes three")]
    [InlineData("69:a+👋", 2, "one emoji makes the whole message UCS-2 (and is two UTF-16 units): 71 units")]
    [InlineData("Привіт, Олено", 1, "Ukrainian is UCS-2 but short")]
    public void Counts_segments(string body, int segments, string why)
    {
        Assert.Equal(segments, SmsSegments.Count(Expand(body)));
        Assert.NotEmpty(why);
    }

    /// <summary>"160:a" is 160 a's; "69:a+👋" is 69 a's and a wave; anything else is itself.</summary>
    static string Expand(string spec)
    {
        var colon = spec.IndexOf(':');
        if (colon < 1 || !int.TryParse(spec[..colon], out var count))
        {
            return spec;
        }

        var rest = spec[(colon + 1)..].Split('+');
        return string.Concat(Enumerable.Repeat(rest[0], count)) + (rest.Length > 1 ? rest[1] : "");
    }
}
