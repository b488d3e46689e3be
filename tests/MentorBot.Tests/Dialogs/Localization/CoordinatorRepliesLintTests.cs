using MentorBot.Bot.Dialogs;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Tests.Conversations;

namespace MentorBot.Tests.Dialogs.Localization;

/// <summary>
/// The ready-made replies a coordinator sends in her language (locales/&lt;lang&gt;/coordinator_replies.yaml): written in
/// every language (a fallback would send English to someone who reads Arabic), one SMS each, no placeholders, and
/// right-to-left languages in their own script.
/// </summary>
public sealed class CoordinatorRepliesLintTests
{
    static LocaleCatalog Catalog => RealDialogTests.RealLibrary.Catalog;

    public static TheoryData<string> Languages() => new(Catalog.SupportedLanguages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_ready_made_reply_is_written_in_the_language_itself_and_fits_one_SMS(string language)
    {
        var own = Catalog.OwnTexts(language);
        Assert.Equal(4, HostKeys.CoordinatorReplies.InOrder.Count);
        foreach (var key in HostKeys.CoordinatorReplies.InOrder)
        {
            Assert.True(own.TryGetValue(key, out var text), $"{language}: {key} is missing");
            Assert.DoesNotContain('{', text);
            Assert.Equal(1, SmsLength.Measure(text).Segments);
            if (Catalog.IsRightToLeft(language))
            {
                Assert.True(char.IsLetter(text[0]) && text[0] > '\u0590', $"{language}: {key} starts with a right-to-left letter");
            }
        }

        // Distinct texts: two replies that read the same in one language would confuse the coordinator's choice.
        Assert.Equal(4, HostKeys.CoordinatorReplies.InOrder.Select(key => own[key]).Distinct().Count());
    }
}
