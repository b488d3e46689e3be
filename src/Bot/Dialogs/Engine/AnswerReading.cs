namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>How a reply to a question was understood.</summary>
internal abstract record AnswerReading
{
    public sealed record Answered(string Value) : AnswerReading;

    public sealed record Skipped : AnswerReading;

    /// <param name="ReasonKey">Message explaining what was wrong, e.g. <c>common.number_out_of_range</c>.</param>
    public sealed record NotUnderstood(string ReasonKey, IReadOnlyDictionary<string, string> Arguments) : AnswerReading
    {
        public static NotUnderstood Plain { get; } = new("common.not_understood", new Dictionary<string, string>());
    }
}
