using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations;

/// <summary>What one turn produced: the messages to send, in order, channel-neutral (the caller renders and queues them).</summary>
public sealed record ConversationReply(IReadOnlyList<OutboundMessage> Messages)
{
    /// <summary>
    /// Who she is after the turn when it merged her with her other self (linking her phone): the
    /// replies belong to this participant. Null: the one the turn started with.
    /// </summary>
    public Participant? MergedInto { get; init; }

    public TurnOutcome Outcome { get; init; } = TurnOutcome.Other;

    /// <summary>The dialog the turn ran in (the one it started, when it started one); null when the bot stayed out.</summary>
    public string? DialogId { get; init; }

    /// <summary>Set when her message answered a question: the caller marks her inbound row with it (<see cref="MessageLog.RecordAnswer"/>).</summary>
    public QuestionReply? Answer { get; init; }

    /// <summary>
    /// Set when a coordinator has her and the bot stayed out: the language she writes to the coordinator in (her
    /// language at the time), which her inbound row keeps, so the console marks her free text with it.
    /// </summary>
    public string? ToCoordinatorIn { get; init; }

    public static ConversationReply Silent { get; } = new([]) { Outcome = TurnOutcome.Silent };

    public static ConversationReply WithCoordinator(string language) => new([]) { Outcome = TurnOutcome.Silent, ToCoordinatorIn = language };
}
