using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>Signup is done: she becomes an active participant (mentees can now be offered mentors).</summary>
public sealed class CompleteSignup : IDialogAction
{
    public string Name => "complete_signup";

    public Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        context.Person.Status = ParticipantStatus.Active;
        context.Person.UpdatedAt = context.Now;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["status"] = "active" });
    }
}
