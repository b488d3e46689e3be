namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// Whether a date question asks about what is coming (the next meeting, an event) or what has been (when
/// did you meet). A date written without a year, or a weekday, is read on that side of today.
/// </summary>
public enum DateDirection
{
    /// <summary>Today or later: "12/3" written in November is next March; "Monday" is the next Monday.</summary>
    Future,

    /// <summary>Today or earlier: "20/11" written on 1 December is last month; "Monday" is the last Monday.</summary>
    Past,
}
