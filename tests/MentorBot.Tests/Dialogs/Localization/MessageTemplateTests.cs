using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Tests.Dialogs.Localization;

public sealed class MessageTemplateTests
{
    [Fact]
    public void Fills_named_placeholders_in_any_order()
    {
        var text = MessageTemplate.Format("{greeting}, {name}! {name}?", new Dictionary<string, string> { ["name"] = "Amal", ["greeting"] = "Hi" });
        Assert.Equal("Hi, Amal! Amal?", text);
    }

    [Fact]
    public void Fills_placeholders_inside_right_to_left_text()
    {
        var text = MessageTemplate.Format("شكراً يا {name}.", new Dictionary<string, string> { ["name"] = "أمل" });
        Assert.Equal("شكراً يا أمل.", text);
    }

    [Fact]
    public void A_missing_argument_is_an_error_not_a_visible_placeholder()
    {
        Assert.Throws<FormatException>(() => MessageTemplate.Format("Hi {name}", new Dictionary<string, string>()));
    }

    [Fact]
    public void Lists_placeholders()
    {
        Assert.Equal(["min", "max"], MessageTemplate.Placeholders("from {min} to {max}, {min}"));
    }
}
