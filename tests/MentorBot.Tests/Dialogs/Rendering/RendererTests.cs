using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Tests.Dialogs.Rendering;

public sealed class RendererTests
{
    private static readonly OutboundMessage YesNo = new("ar", "sample.ask_consent", new Dictionary<string, string>(),
        [new ChoiceOption(1, "yes", "common.yes"), new ChoiceOption(2, "no", "common.no")]);

    [Fact]
    public void Sms_lists_numbered_options_under_the_text()
    {
        var text = new SmsRenderer(TestCatalog.Instance).Render(YesNo);
        Assert.Equal("هل توافقين على حفظ إجاباتكِ وعرض ملفكِ على المرشدات؟ يمكنكِ طلب حذفه في أي وقت.\n1. نعم\n2. لا", text);
    }

    [Fact]
    public void Web_chat_adds_a_button_per_option_whose_value_is_the_number()
    {
        var message = new WebChatRenderer(TestCatalog.Instance).Render(YesNo);

        Assert.Equal([new SuggestedAction("نعم", "1"), new SuggestedAction("لا", "2")], message.SuggestedActions);
        Assert.True(message.RightToLeft);
        Assert.Equal("ar", message.Locale);
        Assert.Equal(new SmsRenderer(TestCatalog.Instance).Render(YesNo), message.Text);
    }

    [Fact]
    public void Web_chat_in_danish_is_left_to_right_without_buttons_for_plain_text()
    {
        var message = new WebChatRenderer(TestCatalog.Instance).Render(OutboundMessage.Plain("da", "common.stopped"));
        Assert.False(message.RightToLeft);
        Assert.Empty(message.SuggestedActions);
        Assert.Equal("Du får ikke flere beskeder. Skriv START for at begynde igen.", message.Text);
    }

    [Fact]
    public void Language_menu_labels_are_each_in_their_own_language()
    {
        var menu = new OutboundMessage("da", "common.choose_language", new Dictionary<string, string>(),
            [new ChoiceOption(1, "ar", "language.name", "ar"), new ChoiceOption(2, "ti", "language.name", "ti")]);
        Assert.Equal("Vælg dit sprog:\n1. العربية\n2. ትግርኛ", new SmsRenderer(TestCatalog.Instance).Render(menu));
    }

    [Fact]
    public void Optional_questions_end_with_the_skip_hint_in_the_persons_language()
    {
        var message = new OutboundMessage("da", "sample.ask_start", new Dictionary<string, string>(), [], CanSkip: true);
        Assert.EndsWith("\n(Skriv SPRING OVER for at springe spørgsmålet over.)", new SmsRenderer(TestCatalog.Instance).Render(message));
    }

    [Theory]
    [InlineData("da")]
    [InlineData("en")]
    [InlineData("ar")]
    public void Every_sample_text_fits_in_two_sms_parts(string language)
    {
        // Long texts cost money and patience; this catches a translation that grows out of hand.
        var catalog = TestCatalog.Instance;
        var keys = Engine.EngineFixture.Sample().Steps
            .SelectMany(step => new[] { step.Prompt, step.Message }).OfType<string>();
        foreach (var key in keys)
        {
            var text = catalog.Text(language, key);
            Assert.True(SmsLength.Measure(text).Segments <= 2, $"{language} {key}: {SmsLength.Measure(text)}");
        }
    }
}
