using System.Globalization;
using MentorBot.Bot.Channels.Twilio.Outbox;

namespace MentorBot.Tests.Twilio;

/// <summary>How a text over 1,600 characters becomes several bodies: between words, never inside a character she sees.</summary>
public sealed class OutboundBodyTests
{
    static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, int[], string> Texts() => new()
    {
        { Repeat("a", 1600), [1600], "exactly 1,600 is one body, as it is" },
        { Repeat("abcd ", 320), [1600], "1,600 with a trailing space is left as it is too" },
        { Repeat("a", 1601), [1600, 1], "one character over: a single word is cut hard" },
        { Repeat("a", 3500), [1600, 1600, 300], "one giant word: hard cuts at the limit" },
        { Repeat("abc ", 401) + "z", [1599, 5], "cut at the last space before the limit, the space dropped" },
        { Repeat("a", 1599) + "👋" + Repeat("b", 10), [1599, 12], "an emoji (two UTF-16 units) across the limit goes whole to the next body" },
        { Repeat("a", 1595) + "👨‍👩‍👧" + Repeat("b", 10), [1595, 18], "a family emoji (a ZWJ sequence of 8 units) is one character: not split" },
        { Repeat("a", 1599) + "e\u0301" + Repeat("b", 10), [1599, 12], "a letter with its combining accent stays together" },
        { Repeat("مرحبا بكِ ", 350), [1599, 1599, 299], "Arabic with a kasra: cut at spaces, every word whole" },
        { Repeat("a", 1000) + "\n" + Repeat("b ", 400), [1000, 799], "a line break in the second half wins over a later space" },
        { Repeat("a", 500) + "\n" + Repeat("b ", 600), [1600, 99], "a line break in the first half would waste half a body: the last space wins" },
        { "  " + Repeat("ab ", 600) + "  ", [1598, 200], "the whitespace around a long text is dropped" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Splits_between_words_and_never_inside_a_character(string text, int[] lengths, string why)
    {
        var parts = OutboundBody.Split(text);

        Assert.Equal(lengths, parts.Select(part => part.Length).ToArray());
        Assert.All(parts, part => Assert.True(part.Length <= OutboundBody.MaxLength, why));
        // Nothing but whitespace at the cuts was lost, and the order is kept.
        Assert.Equal(WithoutWhitespace(text), WithoutWhitespace(string.Concat(parts)));
        // Each body is whole characters: it starts a text element and the elements of the whole text are the elements of the parts.
        Assert.Equal(TextElements(text.Trim()).Where(e => !string.IsNullOrWhiteSpace(e)),
            parts.SelectMany(TextElements).Where(e => !string.IsNullOrWhiteSpace(e)));
    }

    [Fact]
    public void A_text_that_fits_is_returned_untouched()
    {
        Assert.Equal([" Hej Amal \n"], OutboundBody.Split(" Hej Amal \n"));
        Assert.True(OutboundBody.Fits(Repeat("م", 1600)));
        Assert.False(OutboundBody.Fits(Repeat("م", 1601)));
    }

    [Fact]
    public void A_limit_smaller_than_one_character_still_ends()
    {
        // Only a caller's mistake could ask for this; it must not spin. Each part advances by at least one unit.
        Assert.Equal(4, OutboundBody.Split("👋👋", maxLength: 1).Count);
        Assert.Equal(["👋", "👋"], OutboundBody.Split("👋👋", maxLength: 3));
    }

    static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    static IEnumerable<string> TextElements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }
}
