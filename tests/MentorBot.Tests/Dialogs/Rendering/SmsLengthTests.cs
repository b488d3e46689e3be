using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Tests.Dialogs.Rendering;

public sealed class SmsLengthTests
{
    public static TheoryData<string, SmsEncoding, int, int, string> Cases => new()
    {
        { "Hello", SmsEncoding.Gsm7, 5, 1, "plain ASCII" },
        { new string('a', 160), SmsEncoding.Gsm7, 160, 1, "exactly one GSM-7 message" },
        { new string('a', 161), SmsEncoding.Gsm7, 161, 2, "one over: two parts of 153" },
        { new string('a', 306), SmsEncoding.Gsm7, 306, 2, "two full parts" },
        { new string('a', 307), SmsEncoding.Gsm7, 307, 3, "one over two parts" },
        { "Hvad er dit fornavn? Æble, øl og å", SmsEncoding.Gsm7, 34, 1, "Danish letters are in GSM-7" },
        { "Pris: 10€ [ca.]", SmsEncoding.Gsm7, 18, 1, "extension characters count twice" },
        { new string('€', 80), SmsEncoding.Gsm7, 160, 1, "80 euro signs fill one message" },
        { new string('€', 81), SmsEncoding.Gsm7, 162, 2, "81 euro signs need two parts" },
        { "ما اسمكِ الأول؟", SmsEncoding.Ucs2, 15, 1, "Arabic is UCS-2" },
        { "Hi ç", SmsEncoding.Ucs2, 4, 1, "lower-case ç is not GSM-7 (only Ç is)" },
        { new string('ж', 70), SmsEncoding.Ucs2, 70, 1, "exactly one UCS-2 message" },
        { new string('ж', 71), SmsEncoding.Ucs2, 71, 2, "one over: two parts of 67" },
        { new string('ж', 135), SmsEncoding.Ucs2, 135, 3, "two full UCS-2 parts are 134" },
        { "ok 👍", SmsEncoding.Ucs2, 5, 1, "an emoji is two UTF-16 units" },
        { "", SmsEncoding.Gsm7, 0, 0, "nothing to send" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Measures(string text, SmsEncoding encoding, int units, int segments, string reason)
    {
        var length = SmsLength.Measure(text);
        Assert.True(new SmsLength(encoding, units, segments) == length, $"{reason}: expected {encoding}/{units}/{segments}, got {length}");
    }
}
