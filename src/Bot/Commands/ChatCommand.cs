using MentorBot.Bot.Conversations;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Commands;

/// <summary>
/// <c>chat &lt;dialog&gt; --lang &lt;code&gt;</c>: try a dialog in the terminal as a new participant would,
/// through the real host and database, replies rendered as SMS. Dialogs the scheduler starts get a
/// made-up match or event to talk about (<see cref="ChatStage"/>). Every message is kept as a
/// transcript on the console channel. Ends at the end of input or with <c>/quit</c>.
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
        var outbox = services.GetRequiredService<ReplyOutbox>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorBotDb>();
        var now = clock.GetUtcNow();
        var person = new Participant { PreferredLanguage = language, Status = ParticipantStatus.SigningUp, CreatedAt = now, UpdatedAt = now };
        var conversation = new Conversation { Participant = person, Channel = Channel.Console, ChannelConversationId = $"terminal-{Guid.NewGuid():N}", StartedAt = now, LastActivityAt = now };
        db.AddRange(person, conversation);

        var given = await ChatStage.PrepareAsync(db, person, dialogId, now, cancellationToken);
        var reply = await host.StartAsync(db, person, conversation, dialogId, given, cancellationToken);
        await ShowAsync(db, outbox.Add(db, conversation, person, reply, clock.GetUtcNow()), output, cancellationToken);
        await output.WriteLineAsync("(type your answers; /quit to stop)");

        while (await input.ReadLineAsync(cancellationToken) is { } line && line.Trim() != "/quit")
        {
            var inbound = MessageLog.Inbound(db, conversation, person, line, clock.GetUtcNow(), language: person.PreferredLanguage);
            reply = await host.ReplyAsync(db, person, conversation, line, cancellationToken);
            MessageLog.RecordAnswer(inbound, reply);
            await ShowAsync(db, outbox.Add(db, conversation, person, reply, clock.GetUtcNow()), output, cancellationToken);
        }

        return 0;
    }

    static async Task ShowAsync(MentorBotDb db, IReadOnlyList<Message> replies, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await output.WriteLineAsync(reply.Text);
            await output.WriteLineAsync();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
