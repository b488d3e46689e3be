using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Bot.Matching;
using MentorBot.Tests.Conversations;

namespace MentorBot.Tests.Matching;

/// <summary>The suggestion list in the real texts: reasons in her language, and never more than three SMS, whatever the names.</summary>
public sealed class SuggestionListTests
{
    static readonly ReasonPart[] Reasons =
    [
        new(ReasonCodes.SharedLanguages, "ar,ti", 30), new(ReasonCodes.SameField, "health", 30), new(ReasonCodes.SameBranch, null, 15), new(ReasonCodes.NewMentor, null, 8),
    ];

    // Real long names and professions, as mentors type them.
    static readonly MentorSuggestion[] Long =
    [
        new(Guid.NewGuid(), "Anne-Mette Christiansen", "Klinisk sygeplejespecialist i akutmodtagelsen", "odense", 80, Reasons),
        new(Guid.NewGuid(), "Maria-Magdalena", "Senior IT-projektleder og scrum master", "copenhagen", 70, Reasons),
        new(Guid.NewGuid(), "Fatima Zahra", "Socialrådgiver i Københavns Kommune", "aarhus", 60, Reasons),
    ];

    public static TheoryData<string> Languages() => new(RealDialogTests.RealLibrary.Catalog.SupportedLanguages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Three_long_suggestions_stay_within_three_sms(string language)
    {
        var library = RealDialogTests.RealLibrary;
        string Whole(string list) => GetMatchSuggestions.WholeMessage(library, language, 3, list);

        var list = SuggestionList.Render(library.Catalog, language, Long, Whole);

        Assert.True(SmsLength.Measure(Whole(list)).Segments <= SuggestionList.MaxSegments, $"{language}: {SmsLength.Measure(Whole(list))}\n{Whole(list)}");
        Assert.Equal(3, list.Split('\n').Length);
        Assert.All(Long, s => Assert.Contains(s.FirstName[..8], list));
    }

    [Fact]
    public void A_short_suggestion_shows_field_and_languages_in_her_language_and_keeps_english_in_gsm7()
    {
        var library = RealDialogTests.RealLibrary;
        var karen = new MentorSuggestion(Guid.NewGuid(), "Karen", "Nurse", "copenhagen", 80, Reasons);

        var english = SuggestionList.Render(library.Catalog, "en", [karen], list => GetMatchSuggestions.WholeMessage(library, "en", 1, list));
        var arabic = SuggestionList.Render(library.Catalog, "ar", [karen], list => GetMatchSuggestions.WholeMessage(library, "ar", 1, list));

        Assert.Equal("1. Karen - Nurse - speaks Arabic, Tigrinya - same field: Health and care - Copenhagen", english);
        Assert.Equal(SmsEncoding.Gsm7, SmsLength.Measure(GetMatchSuggestions.WholeMessage(library, "en", 1, english)).Encoding);
        Assert.Contains("الصحة والرعاية", arabic);
    }
}
