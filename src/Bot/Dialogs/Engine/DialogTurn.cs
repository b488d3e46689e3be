namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>The outcome of one engine call: the state to store, the messages to send, what the host must do.</summary>
/// <param name="Action">Set when the dialog waits for the host to run an action and call Resume.</param>
/// <param name="Ended">The dialog is over (end step, goto_dialog, or STOP).</param>
public sealed record DialogTurn(
    DialogState NewState,
    IReadOnlyList<OutboundMessage> Messages,
    PendingAction? Action,
    IReadOnlyList<DialogEvent> Events,
    bool Ended)
{
    /// <summary>Set when the reply was read as the answer to a question (not a command, nor a language from the menu).</summary>
    public QuestionReply? Reply { get; init; }
}
