using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Hands her to a coordinator: an open handover makes the bot stay silent until a coordinator releases
/// it from the console. Asking twice keeps the one open handover.
/// </summary>
public sealed class RequestCoordinator : IDialogAction
{
    public string Name => "request_coordinator";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var open = await context.Db.Handovers.AnyAsync(h => h.ParticipantId == context.Person.Id && h.Status != HandoverStatus.Released, cancellationToken);
        if (!open)
        {
            context.Db.Handovers.Add(new Handover
            {
                ParticipantId = context.Person.Id,
                Reason = context.Arguments.GetValueOrDefault("reason") ?? "help",
                RequestedAt = context.Now,
            });
        }

        return new Dictionary<string, string> { ["status"] = "requested" };
    }
}
