using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Tests.Conversations;

namespace MentorBot.Tests.Dialogs.Engine;

/// <summary>
/// What a reply to a question was read as, as the engine reports it for the transcript (stored on her message, shown
/// by the console beside her words): the stored value and the numbered options it picked, in the real dialogs, in Arabic.
/// </summary>
public sealed class AnswerMeaningTests
{
    static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-04T10:00:00Z");
    readonly DialogEngine _engine = new();

    static DialogContext Arabic(IReadOnlyDictionary<string, string>? known = null) =>
        new(Now, TimeZoneInfo.Utc, "ar", RealDialogTests.RealLibrary.Catalog, known ?? new Dictionary<string, string>());

    [Fact]
    public void A_mentee_signing_up_in_Arabic_her_name_is_free_text_and_her_branch_and_goals_are_options()
    {
        var dialog = RealDialogTests.RealLibrary.Get("mentee_signup");
        var state = _engine.Start(dialog, Arabic()).NewState;

        var name = _engine.Step(dialog, state, "أمل", Arabic());
        Assert.Equal(AnswerMeaning.FreeText, name.Reply!.Meaning);
        Assert.Equal("ar", name.Reply.Language);

        var branch = _engine.Step(dialog, name.NewState, "٣", Arabic());
        var picked = Assert.Single(branch.Reply!.Meaning!.Options);
        Assert.Equal(("esbjerg", 3, "esbjerg", "signup.ask_branch.choice.esbjerg"), (branch.Reply.Meaning.Value, picked.Number, picked.Value, picked.LabelKey));

        var city = _engine.Step(dialog, branch.NewState, "تخطي", Arabic()); // optional: skipped
        Assert.True(city.Reply!.Meaning!.Skipped);

        // Not understood: no meaning (her row is marked not understood instead).
        var missed = _engine.Step(dialog, city.NewState, "موزة", Arabic());
        Assert.Equal((false, null), (missed.Reply!.Understood, missed.Reply.Meaning));
    }

    [Fact]
    public void Several_options_a_number_and_tomorrow_in_Arabic_read_as_their_values()
    {
        var dialog = RealDialogTests.RealLibrary.Get("meeting_report");
        var known = new Dictionary<string, string> { ["profile.role"] = "mentee", ["answers.mentor_name"] = "Hanne" };
        var state = _engine.Start(dialog, Arabic(known)).NewState;

        var met = _engine.Step(dialog, state, "نعم", Arabic(known));
        Assert.Equal(("yes", 1, "common.yes"), (met.Reply!.Meaning!.Value, met.Reply.Meaning.Options[0].Number, met.Reply.Meaning.Options[0].LabelKey));
        var when = _engine.Step(dialog, met.NewState, "١", Arabic(known));
        var topics = _engine.Step(dialog, when.NewState, "١ ٣ ٥", Arabic(known));
        Assert.Equal("cv,network,education", topics.Reply!.Meaning!.Value);
        Assert.Equal([1, 3, 5], topics.Reply.Meaning.Options.Select(o => o.Number));
        var note = _engine.Step(dialog, topics.NewState, "تخطي", Arabic(known));

        var next = _engine.Step(dialog, note.NewState, "بكرة", Arabic(known));
        Assert.Equal(("2026-12-05", false), (next.Reply!.Meaning!.Value, next.Reply.Meaning.Skipped)); // tomorrow, the 5th
        Assert.Empty(next.Reply.Meaning.Options);
    }
}
