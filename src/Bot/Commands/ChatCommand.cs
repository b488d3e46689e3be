using MentorBot.Bot.Conversations;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Commands;

/// <summary>
/// <c>chat &lt;dialog&gt; --lang &lt;code&gt;</c>: try a dialog in the terminal as a new participant would,
/// through the real host and database, replies rendered as SMS. Every message is kept as a transcript
/// on the console channel. Ends at the end of input or with <c>/quit</c>.
/// </summary>
public static class ChatCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string dialogId, string language, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var library = services.GetRequiredService<DialogLibrary>();
        if (!library.Dialogs.ContainsKey(dialogId))
        {
            await output.WriteLineAsync($"No dialog '{dialogId}'. Dialogs: {string.Join(", ", library.Dialogs.Keys.Order())}");
            return 2;
        }

        if (!library.Catalog.SupportedLanguages.Contains(language))
        {
            await output.WriteLineAsync($"No language '{language}'. Languages: {string.Join(", ", library.Catalog.SupportedLanguages)}");
            return 2;
        }

        var host = services.GetRequiredService<ConversationHost>();
        var clock = services.GetRequiredService<TimeProvider>();
        var renderer = new SmsRenderer(library.Catalog);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorBotDb>();
        var now = clock.GetUtcNow();
        var person = new Participant { PreferredLanguage = language, Status = ParticipantStatus.SigningUp, CreatedAt = now, UpdatedAt = now };
        var conversation = new Conversation { Participant = person, Channel = Channel.Console, ChannelConversationId = $"terminal-{Guid.NewGuid():N}", StartedAt = now, LastActivityAt = now };
        db.AddRange(person, conversation);

        var reply = await host.StartAsync(db, person, conversation, dialogId, new Dictionary<string, string>(), cancellationToken);
        await RecordAsync(db, conversation, person, reply, renderer, output, clock, cancellationToken);
        await output.WriteLineAsync("(type your answers; /quit to stop)");

        while (await input.ReadLineAsync(cancellationToken) is { } line && line.Trim() != "/quit")
        {
            db.Messages.Add(Message(conversation, person, MessageDirection.Inbound, line, person.PreferredLanguage, clock.GetUtcNow()));
            reply = await host.ReplyAsync(db, person, conversation, line, cancellationToken);
            await RecordAsync(db, conversation, person, reply, renderer, output, clock, cancellationToken);
        }

        return 0;
    }

    static async Task RecordAsync(MentorBotDb db, Conversation conversation, Participant person, ConversationReply reply, SmsRenderer renderer,
        TextWriter output, TimeProvider clock, CancellationToken cancellationToken)
    {
        foreach (var message in reply.Messages)
        {
            var text = renderer.Render(message);
            db.Messages.Add(Message(conversation, person, MessageDirection.Outbound, text, message.Language, clock.GetUtcNow()));
            await output.WriteLineAsync(text);
            await output.WriteLineAsync();
        }

        conversation.LastActivityAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    static Message Message(Conversation conversation, Participant person, MessageDirection direction, string text, string language, DateTimeOffset at) => new()
    {
        Conversation = conversation,
        ParticipantId = person.Id,
        Channel = Channel.Console,
        Direction = direction,
        Author = direction == MessageDirection.Inbound ? MessageAuthor.Participant : MessageAuthor.Bot,
        Text = text,
        Language = language,
        DeliveryStatus = direction == MessageDirection.Inbound ? DeliveryStatus.Received : DeliveryStatus.Delivered,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
