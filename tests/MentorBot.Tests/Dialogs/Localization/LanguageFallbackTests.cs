using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Tests.Dialogs.Localization;

public sealed class LanguageFallbackTests
{
    [Theory]
    [InlineData("pt-BR", "pt-br pt en")]
    [InlineData("ar", "ar en")]
    [InlineData("en", "en")]
    [InlineData("da_DK", "da-dk da en")]
    [InlineData("zh-Hant-TW", "zh-hant-tw zh-hant zh en")]
    public void Walks_from_specific_to_base(string language, string expected) =>
        Assert.Equal(expected, string.Join(' ', LanguageFallback.Chain(language, "en")));

    [Fact]
    public void A_regional_tag_falls_back_to_its_language_texts()
    {
        Assert.Equal("Hvad er dit fornavn?", TestCatalog.Instance.Text("da-DK", "sample.ask_name"));
    }

    [Fact]
    public void A_language_without_the_text_falls_back_to_english()
    {
        Assert.Equal("What is your first name?", TestCatalog.Instance.Text("so", "sample.ask_name"));
    }

    [Fact]
    public void A_key_missing_everywhere_throws_with_its_name()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => TestCatalog.Instance.Text("ar", "sample.nope"));
        Assert.Contains("sample.nope", error.Message);
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("fa-AF", true)]
    [InlineData("ur", true)]
    [InlineData("da", false)]
    [InlineData("ti", false)]
    public void Knows_right_to_left_languages(string language, bool expected) =>
        Assert.Equal(expected, TestCatalog.Instance.IsRightToLeft(language));
}
