using MentorBot.Bot.Channels;
using MentorBot.Bot.Channels.Twilio;
using MentorBot.Data.Model;

namespace MentorBot.Tests.Twilio;

/// <summary>Phone numbers as libphonenumber reads them for MentorBot: what a person typed, and what Twilio gave us.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+4520123456", "DK", "+4520123456", "already E.164")]
    [InlineData("20123456", "DK", "+4520123456", "a Danish number as Danes write it")]
    [InlineData("20 12 34 56", "DK", "+4520123456", "spaces in pairs")]
    [InlineData("2012-3456", "DK", "+4520123456", "a dash")]
    [InlineData("+45 20 12 34 56", "DK", "+4520123456", "international with spaces")]
    [InlineData("004520123456", "DK", "+4520123456", "the 00 international prefix")]
    [InlineData("0045 2012 3456", "DK", "+4520123456", "00 with spaces")]
    [InlineData("(+45) 20.12.34.56", "DK", "+4520123456", "brackets and dots")]
    [InlineData("٢٠١٢٣٤٥٦", "DK", "+4520123456", "Arabic-Indic digits")]
    [InlineData("۲۰۱۲۳۴۵۶", "DK", "+4520123456", "Persian digits")]
    [InlineData("２０１２３４５６", "DK", "+4520123456", "full-width digits")]
    [InlineData("+٤٥ ٢٠ ١٢ ٣٤ ٥٦", "DK", "+4520123456", "Arabic-Indic with a plus and spaces")]
    [InlineData("\u200F+45 20 12 34 56\u200F", "DK", "+4520123456", "right-to-left marks around a number typed in Arabic text")]
    [InlineData("20\u200F 12\u200F 34\u200F 56", "DK", "+4520123456", "right-to-left marks between the digit groups")]
    [InlineData("\u00A020123456 ", "DK", "+4520123456", "a no-break space and a trailing space")]
    [InlineData("+46701234567", "DK", "+46701234567", "a Swedish mobile stays Swedish")]
    [InlineData("0701234567", "SE", "+46701234567", "a national number with a trunk 0 in a country that uses one")]
    [InlineData("+963 944 123 456", "DK", "+963944123456", "a Syrian mobile")]
    public void Normalizes_what_she_typed(string input, string defaultRegion, string expected, string reason)
    {
        Assert.True(PhoneNumber.TryNormalize(input, defaultRegion, out var e164), reason);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("", "nothing typed")]
    [InlineData("   ", "only spaces")]
    [InlineData("2012345", "seven digits is too short for Denmark")]
    [InlineData("201234567", "nine digits is too long for Denmark")]
    [InlineData("+452012345", "a +45 number must have 8 digits")]
    [InlineData("12345678", "a Danish length, but no Danish number starts with 1 (libphonenumber knows the ranges)")]
    [InlineData("+4512345678", "the same with its country code")]
    [InlineData("0701234567", "a Swedish national number read as Danish")]
    [InlineData("20+123456", "a plus in the middle")]
    [InlineData("+1234567890123456", "16 digits is longer than E.164 allows")]
    [InlineData("+0451234567", "a country code can't start with 0")]
    [InlineData("+45 20 12 34 56 ext. 12", "an extension: a text can't reach it")]
    [InlineData("رقمي هو أمل", "words, no number")]
    public void Refuses_what_is_not_a_valid_number(string input, string reason)
    {
        Assert.False(PhoneNumber.TryNormalize(input, "DK", out _), reason);
    }

    [Theory]
    [InlineData("+4520000001", "+4520000001", "a range libphonenumber doesn't know yet: Twilio delivered her message, so the number exists")]
    [InlineData("+4520123456", "+4520123456", "a valid number")]
    [InlineData("20123456", "+4520123456", "a national number in the default region")]
    public void Reads_numbers_twilio_gave_us_when_their_length_is_possible(string input, string expected, string reason)
    {
        Assert.True(PhoneNumber.TryRead(input, "DK", out var e164), reason);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("+452012345", "seven digits after +45")]
    [InlineData("not a number", "words")]
    [InlineData("Twilio", "an alphanumeric sender")]
    public void Refuses_numbers_from_twilio_of_an_impossible_length(string input, string reason)
    {
        Assert.False(PhoneNumber.TryRead(input, "DK", out _), reason);
    }

    [Theory]
    [InlineData("+4520123456", Channel.Sms, "+4520123456", "an SMS number")]
    [InlineData("whatsapp:+4520123456", Channel.Whatsapp, "+4520123456", "a WhatsApp address")]
    [InlineData("WhatsApp:+45 20 12 34 56", Channel.Whatsapp, "+4520123456", "its prefix in any case, the number with spaces")]
    [InlineData("whatsapp:+4520000001", Channel.Whatsapp, "+4520000001", "a WhatsApp number Twilio gave us in a range libphonenumber doesn't know")]
    public void Reads_twilio_addresses(string input, Channel channel, string phone, string reason)
    {
        Assert.True(TwilioAddress.TryParse(input, "DK", out var address), reason);
        Assert.Equal((channel, phone), (address.Channel, address.Phone));
    }

    [Theory]
    [InlineData("whatsapp:+4520123456", true, "a valid WhatsApp number typed on the test phone")]
    [InlineData("whatsapp:+4520000001", false, "typed, a number must be valid")]
    [InlineData("whatsapp:", false, "only the prefix")]
    public void Typed_addresses_must_be_valid(string input, bool accepted, string reason)
    {
        Assert.True(accepted == TwilioAddress.TryParseTyped(input, "DK", out _), reason);
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

    [Theory]
    [InlineData("DK", true, "Denmark")]
    [InlineData("SE", true, "Sweden")]
    [InlineData("dk", false, "libphonenumber's region codes are capitals")]
    [InlineData("45", false, "a country calling code is not a region")]
    [InlineData("", false, "empty")]
    public void A_default_region_setting_must_be_one_libphonenumber_knows(string region, bool valid, string reason)
    {
        Assert.True(valid == new PhoneRegionAttribute().IsValid(region), reason);
    }
}
