using MentorBot.Bot.Dialogs;
using System.Text.Json;
using MentorBot.Bot.Dialogs.Engine;
using static MentorBot.Tests.Dialogs.Engine.EngineFixture;

namespace MentorBot.Tests.Dialogs.Engine;

public sealed class DialogEngineTests
{
    private readonly DialogEngine _engine = new();

    [Fact]
    public void State_survives_a_json_round_trip()
    {
        var dialog = Sample();
        var turn = _engine.Start(dialog, Context());
        turn = _engine.Step(dialog, turn.NewState, "Amal", Context());
        turn = _engine.Step(dialog, turn.NewState, "banana", Context());

        var json = JsonSerializer.Serialize(turn.NewState);
        var restored = JsonSerializer.Deserialize<DialogState>(json)!;

        Assert.Equal(("sample_signup", 1, "ask_field", 1, false), (restored.DialogId, restored.DialogVersion, restored.StepId, restored.MissCount, restored.ChoosingLanguage));
        Assert.Equal("Amal", restored.Values["profile.display_name"]);
        // The restored state carries on exactly like the original.
        var fromRestored = _engine.Step(dialog, restored, "2", Context());
        Assert.Equal("ask_goals", fromRestored.NewState.StepId);
        Assert.Equal("health", fromRestored.NewState.Values["profile.field"]);
    }

    [Fact]
    public void Answers_are_reported_as_events_for_the_host_to_save()
    {
        var dialog = Sample();
        var turn = _engine.Step(dialog, _engine.Start(dialog, Context()).NewState, "  Amal ", Context());
        Assert.Contains(new AnswerStored("profile.display_name", "Amal"), turn.Events);
    }

    [Fact]
    public void A_branch_reads_values_the_host_already_knew()
    {
        var dialog = Dialog("known", """
              - { id: check, kind: branch, on: profile.role, cases: { mentor: mentor_end }, default: mentee_end }
              - { id: mentor_end, kind: end, message: kinds.branch_yes }
              - { id: mentee_end, kind: end, message: kinds.branch_no }
            """);

        var mentor = _engine.Start(dialog, Context(known: new Dictionary<string, string> { ["profile.role"] = "mentor" }));
        var unknown = _engine.Start(dialog, Context());

        Assert.Equal("kinds.branch_yes", Assert.Single(mentor.Messages).Key);
        Assert.Equal("kinds.branch_no", Assert.Single(unknown.Messages).Key);
        Assert.True(mentor.Ended);
    }

    [Fact]
    public void An_action_suspends_with_its_arguments_and_resume_stores_results()
    {
        var dialog = Dialog("acting", """
              - { id: find, kind: action, action: count_mentors, args: { field: profile.field }, next: done }
              - { id: done, kind: end, message: kinds.action_result, args: { count: results.count } }
            """);

        var started = _engine.Start(dialog, Context(known: new Dictionary<string, string> { ["profile.field"] = "it" }));
        Assert.Equal("count_mentors", started.Action?.Name);
        Assert.Equal("it", started.Action!.Arguments["field"]);
        Assert.Empty(started.Messages);
        Assert.False(started.Ended);

        var resumed = _engine.Resume(dialog, started.NewState, new ActionResult(new Dictionary<string, string> { ["count"] = "4" }), Context());
        Assert.Equal("4", resumed.NewState.Values["results.count"]);
        Assert.Equal("4", Assert.Single(resumed.Messages).Arguments["count"]);
        Assert.Null(resumed.Action);
        Assert.True(resumed.Ended);
    }

    [Fact]
    public void A_reply_while_an_action_is_pending_is_a_host_error()
    {
        var dialog = Dialog("acting", """
              - { id: find, kind: action, action: count_mentors, next: done }
              - { id: done, kind: end }
            """);
        var started = _engine.Start(dialog, Context());
        var error = Assert.Throws<InvalidOperationException>(() => _engine.Step(dialog, started.NewState, "hello", Context()));
        Assert.Contains("'find'", error.Message);
    }

    [Fact]
    public void Resume_outside_an_action_is_a_host_error()
    {
        var dialog = Sample();
        var started = _engine.Start(dialog, Context());
        Assert.Throws<InvalidOperationException>(() =>
            _engine.Resume(dialog, started.NewState, new ActionResult(new Dictionary<string, string>()), Context()));
    }

    [Fact]
    public void A_state_whose_step_was_removed_starts_over()
    {
        var dialog = Sample();
        var old = new DialogState { DialogId = "sample_signup", DialogVersion = 0, StepId = "ask_shoe_size" };

        var turn = _engine.Step(dialog, old, "42", Context());

        Assert.Contains(new DialogRestarted("sample_signup", "ask_shoe_size"), turn.Events);
        Assert.Equal("ask_name", turn.NewState.StepId);
        Assert.Equal(1, turn.NewState.DialogVersion);
    }

    [Fact]
    public void Steps_that_loop_without_asking_fail_loudly()
    {
        var dialog = Dialog("looping", """
              - { id: a, kind: message, message: kinds.hello, next: b }
              - { id: b, kind: branch, on: answers.x, cases: { "1": done }, default: a }
              - { id: done, kind: end }
            """);
        var error = Assert.Throws<InvalidOperationException>(() => _engine.Start(dialog, Context()));
        Assert.Contains("loop", error.Message);
    }

    [Fact]
    public void Misses_count_up_and_reset_on_a_good_answer()
    {
        var dialog = Sample();
        var state = _engine.Step(dialog, _engine.Start(dialog, Context()).NewState, "Amal", Context()).NewState;
        state = _engine.Step(dialog, state, "?", Context()).NewState;
        state = _engine.Step(dialog, state, "??", Context()).NewState;
        Assert.Equal(2, state.MissCount);

        state = _engine.Step(dialog, state, "1", Context()).NewState;
        Assert.Equal(0, state.MissCount);
    }

    [Fact]
    public void A_command_keeps_the_person_at_the_same_step()
    {
        var dialog = Sample();
        var state = _engine.Step(dialog, _engine.Start(dialog, Context()).NewState, "Amal", Context()).NewState;

        var help = _engine.Step(dialog, state, "HJÆLP", Context());

        Assert.Equal("ask_field", help.NewState.StepId);
        Assert.Equal(["common.help", "sample.ask_field"], help.Messages.Select(message => message.Key));
        Assert.Contains(new GlobalCommandReceived(GlobalCommand.Help), help.Events);
    }

    [Fact]
    public void Restart_forgets_this_dialogs_answers_and_starts_again()
    {
        var dialog = Sample();
        var state = _engine.Step(dialog, _engine.Start(dialog, Context()).NewState, "Amal", Context()).NewState;

        var restart = _engine.Step(dialog, state, "menu", Context());

        Assert.Equal("ask_name", restart.NewState.StepId);
        Assert.Empty(restart.NewState.Values);
        Assert.Equal(["common.restarting", "sample.welcome", "sample.ask_name"], restart.Messages.Select(message => message.Key));
    }

    [Fact]
    public void Stop_ends_the_turn_but_keeps_the_place()
    {
        var dialog = Sample();
        var state = _engine.Step(dialog, _engine.Start(dialog, Context()).NewState, "Amal", Context()).NewState;

        var stop = _engine.Step(dialog, state, "توقف", Context("ar"));

        Assert.True(stop.Ended);
        Assert.Equal("ask_field", stop.NewState.StepId);
        Assert.Equal("ar", Assert.Single(stop.Messages).Language);
    }

    [Fact]
    public void The_language_menu_accepts_a_name_and_switches()
    {
        var dialog = Sample();
        var state = _engine.Start(dialog, Context()).NewState;
        var menu = _engine.Step(dialog, state, "language", Context());
        Assert.True(menu.NewState.ChoosingLanguage);
        Assert.Equal(12, Assert.Single(menu.Messages).Choices.Count);

        var switched = _engine.Step(dialog, menu.NewState, "فارسی", Context());

        Assert.Contains(new LanguageChanged("fa"), switched.Events);
        Assert.False(switched.NewState.ChoosingLanguage);
        Assert.Equal("ask_name", switched.NewState.StepId);
        Assert.All(switched.Messages, message => Assert.Equal("fa", message.Language));
    }

    [Fact]
    public void A_reply_to_the_language_menu_that_is_no_language_answers_the_question()
    {
        var dialog = Sample();
        var menu = _engine.Step(dialog, _engine.Start(dialog, Context()).NewState, "language", Context());

        var answered = _engine.Step(dialog, menu.NewState, "Amal", Context());

        Assert.Equal("Amal", answered.NewState.Values["profile.display_name"]);
        Assert.False(answered.NewState.ChoosingLanguage);
    }

    [Fact]
    public void Today_is_the_persons_local_date_not_the_utc_date()
    {
        // 23:30 UTC on 11 March is already 12 March in Copenhagen.
        var lateEvening = new DateTimeOffset(2026, 3, 11, 23, 30, 0, TimeSpan.Zero);
        var dialog = Dialog("dated", """
              - { id: ask, kind: ask_date, prompt: kinds.ask_date, store: answers.when, next: done }
              - { id: done, kind: end }
            """);
        var state = _engine.Start(dialog, Context(now: lateEvening)).NewState;

        var turn = _engine.Step(dialog, state, "today", Context(now: lateEvening));

        Assert.Equal("2026-03-12", turn.NewState.Values["answers.when"]);
    }

    [Fact]
    public void A_steps_own_retry_text_replaces_the_generic_one()
    {
        var dialog = Dialog("retrying", """
              - { id: ask, kind: ask_yes_no, prompt: kinds.ask_yes_no, retry: kinds.branch_other, store: answers.x, next: done }
              - { id: done, kind: end }
            """);
        var state = _engine.Start(dialog, Context()).NewState;

        var turn = _engine.Step(dialog, state, "hmm", Context());

        Assert.Equal(["kinds.branch_other", "kinds.ask_yes_no"], turn.Messages.Select(message => message.Key));
    }
}
