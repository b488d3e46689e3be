namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Work a dialog asks the host for by name (an <c>action</c> step): it may read and change the database
/// through the context's unit of work, and answers with values the dialog stores as <c>results.&lt;name&gt;</c>.
/// </summary>
public interface IDialogAction
{
    string Name { get; }

    Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken);
}
