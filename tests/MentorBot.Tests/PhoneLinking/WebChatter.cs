using MentorBot.Bot.Channels.WebChat;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Bot.PhoneLinking;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.PhoneLinking;

/// <summary>
/// A web-chat visitor talking to the real dialogs on a real database as the web chat channel runs them:
/// one transaction per message, the person read from her conversation (which a merge moves), the replies
/// stored for the survivor.
/// </summary>
internal sealed class WebChatter(string database, Guid conversationId, TimeProvider clock, PhoneLinkOptions? options = null)
{
    static DialogLibrary Library => RealDialogTests.RealLibrary;

    public async Task<IReadOnlyList<string>> StartAsync(string dialogId) =>
        await TurnAsync((db, person, conversation) => Host().StartAsync(db, person, conversation, dialogId, new Dictionary<string, string>(), CancellationToken.None));

    public async Task<IReadOnlyList<string>> SayAsync(string text) =>
        await TurnAsync((db, person, conversation) => Host().ReplyAsync(db, person, conversation, text, CancellationToken.None));

    /// <summary>Her text in her language, as the catalog has it, for comparing with what the bot said.</summary>
    public static string Text(string language, string key, Dictionary<string, string>? arguments = null) =>
        Library.Catalog.Format(language, key, arguments ?? new Dictionary<string, string>());

    async Task<IReadOnlyList<string>> TurnAsync(Func<MentorBot.Data.MentorBotDb, MentorBot.Data.Model.Participant, MentorBot.Data.Model.Conversation, Task<ConversationReply>> run)
    {
        await using var db = TestDb.Open(database);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        var person = await db.Participants.SingleAsync(p => p.Id == conversation.ParticipantId);
        var reply = await run(db, person, conversation);
        new WebChatReplies(Library).Add(db, conversation, reply.MergedInto ?? person, "dl_test", reply, clock.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new SmsRenderer(Library.Catalog).Render(reply.Messages);
    }

    ConversationHost Host() => new(Library, DialogActions.All(options), TestTelemetry.Turns, clock, NullLogger<ConversationHost>.Instance);
}
