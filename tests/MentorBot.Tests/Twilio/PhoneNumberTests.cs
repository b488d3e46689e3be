using MentorBot.Bot.Channels;

namespace MentorBot.Tests.Twilio;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+4512345678", "45", "+4512345678", "already E.164")]
    [InlineData("12345678", "45", "+4512345678", "a Danish number as Danes write it")]
    [InlineData("12 34 56 78", "45", "+4512345678", "spaces in pairs")]
    [InlineData("1234-5678", "45", "+4512345678", "a dash")]
    [InlineData("+45 12 34 56 78", "45", "+4512345678", "international with spaces")]
    [InlineData("004512345678", "45", "+4512345678", "the 00 international prefix")]
    [InlineData("0045 1234 5678", "45", "+4512345678", "00 with spaces")]
    [InlineData("(+45) 12.34.56.78", "45", "+4512345678", "brackets and dots")]
    [InlineData("١٢٣٤٥٦٧٨", "45", "+4512345678", "Arabic-Indic digits")]
    [InlineData("۱۲۳۴۵۶۷۸", "45", "+4512345678", "Persian digits")]
    [InlineData("+٤٥ ١٢ ٣٤ ٥٦ ٧٨", "45", "+4512345678", "Arabic-Indic with a plus and spaces")]
    [InlineData("\u200F+45 12 34 56 78\u200F", "45", "+4512345678", "right-to-left marks around a number typed in Arabic text")]
    [InlineData("\u00A012345678 ", "45", "+4512345678", "a no-break space and a trailing space")]
    [InlineData("+46701234567", "45", "+46701234567", "a Swedish mobile stays Swedish")]
    [InlineData("0701234567", "46", "+46701234567", "a national number with a trunk 0 in a country that uses one")]
    [InlineData("12345678", "+45", "+4512345678", "the default country written with a plus")]
    [InlineData("+963 944 123 456", "45", "+963944123456", "a Syrian mobile")]
    public void Normalizes(string input, string defaultCountry, string expected, string reason)
    {
        Assert.True(PhoneNumber.TryNormalize(input, defaultCountry, out var e164), reason);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("", "nothing typed")]
    [InlineData("   ", "only spaces")]
    [InlineData("1234567", "seven digits is too short for Denmark")]
    [InlineData("123456789", "nine digits is too long for Denmark")]
    [InlineData("+451234567", "a +45 number must have 8 digits")]
    [InlineData("12345678a", "a letter")]
    [InlineData("12+345678", "a plus in the middle")]
    [InlineData("++4512345678", "two pluses")]
    [InlineData("+1234567890123456", "16 digits is longer than E.164 allows")]
    [InlineData("+0451234567", "a country code can't start with 0")]
    [InlineData("whatsapp:+4512345678", "a channel address is not a phone number")]
    public void Refuses(string input, string reason)
    {
        Assert.False(PhoneNumber.TryNormalize(input, "45", out _), reason);
    }

    [Theory]
    [InlineData("+4512345678", "+45****5678", "country code and last four digits")]
    [InlineData("whatsapp:+4512345678", "whatsapp:+45****5678", "the channel prefix is kept")]
    [InlineData("1234", "****", "too short to show any of it")]
    [InlineData(null, "(none)", "no number")]
    public void Masks_for_logs(string? input, string expected, string reason)
    {
        Assert.True(expected == PhoneNumber.Mask(input), reason);
    }
}
