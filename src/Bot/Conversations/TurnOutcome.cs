namespace MentorBot.Bot.Conversations;

/// <summary>What one dialog turn came to, for the turn's span and the <c>mentorbot.dialog.turns</c> counter (snake_case there).</summary>
public enum TurnOutcome
{
    /// <summary>Her reply answered the question (or skipped an optional one).</summary>
    Answered,

    /// <summary>Her reply to a question was not understood; the question is asked again.</summary>
    NotUnderstood,

    /// <summary>A command (HELP, LANGUAGE, STOP, START…) or a language picked from the menu.</summary>
    Command,

    /// <summary>Her message started a dialog: her first contact, MENU, or her dialog had ended.</summary>
    DialogStarted,

    /// <summary>A dialog started for her without a message from her: a scheduler prompt or a coordinator.</summary>
    Prompted,

    /// <summary>The bot stayed silent: a coordinator has her, or she said STOP.</summary>
    Silent,

    /// <summary>Anything else, e.g. a dialog restarted because its saved step no longer exists.</summary>
    Other,
}
