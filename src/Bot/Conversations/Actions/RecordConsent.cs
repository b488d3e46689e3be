using MentorBot.Data.Model;
using MentorBot.Data.Naming;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>Records the consent she just gave: for what, which version of the text, in which language and channel.</summary>
public sealed class RecordConsent : IDialogAction
{
    public string Name => "record_consent";

    public Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var purpose = context.Arguments.GetValueOrDefault("purpose") is { Length: > 0 } named
            ? SnakeCaseEnumConverter<ConsentPurpose>.ValueOf(named)
            : ConsentPurpose.Participation;
        context.Db.Consents.Add(new Consent
        {
            ParticipantId = context.Person.Id,
            Purpose = purpose,
            TextVersion = context.Arguments.GetValueOrDefault("version") ?? "consent.v1",
            Language = context.Language,
            Channel = context.Conversation.Channel,
            GivenAt = context.Now,
        });
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["saved"] = "yes" });
    }
}
