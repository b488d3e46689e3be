using MentorBot.Bot.Dialogs.Definitions;

namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// A reply read as the answer to a question step, and whether it was understood (skipping an optional question
/// counts as understood). What coordinators and translators look at to see where people get stuck.
/// </summary>
/// <param name="Language">The language the question was asked in (before a language the answer chose).</param>
public sealed record QuestionReply(string DialogId, string StepId, StepKind Kind, string Language, bool Understood)
{
    /// <summary>What an understood (or skipped) reply was read as; null when it was not understood.</summary>
    public AnswerMeaning? Meaning { get; init; }
}
