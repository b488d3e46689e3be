using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>The outcome of a post: the id of her activity, or that the conversation does not exist.</summary>
public sealed record PostedActivity(string? Id)
{
    public bool ConversationFound => Id is not null;
}

/// <summary>
/// A web-chat conversation on the database: opening one (her participant, web-chat identity and
/// conversation, and the first-contact dialog's greeting), and each message she posts (stored, echoed,
/// answered by the <see cref="ConversationHost"/>, all in one transaction).
/// </summary>
public sealed partial class WebChatConversations(
    MentorBotDb db,
    ConversationHost host,
    DialogLibrary library,
    WebChatReplies replies,
    MentorBotMetrics metrics,
    TimeProvider clock,
    ILogger<WebChatConversations> logger)
{
    /// <summary>Opens the conversation unless it exists; true when this call opened it (Direct Line's 201).</summary>
    public async Task<bool> OpenAsync(string conversationId, string userId, string? locale, CancellationToken ct)
    {
        if (await db.Conversations.AnyAsync(c => c.Channel == Channel.WebChat && c.ChannelConversationId == conversationId, ct))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var identity = await db.ChannelIdentities.Include(i => i.Participant)
            .FirstOrDefaultAsync(i => i.Channel == Channel.WebChat && i.Address == userId, ct);
        var person = identity?.Participant;
        var known = person is not null;
        if (person is null)
        {
            // Someone new: a mentee until the welcome dialog learns otherwise, greeted in her page's language.
            person = new Participant
            {
                Role = ParticipantRole.Mentee, Status = ParticipantStatus.SigningUp, PreferredLanguage = SupportedLanguage(locale),
                CreatedAt = now, UpdatedAt = now,
            };
            db.Participants.Add(person);
            db.ChannelIdentities.Add(new ChannelIdentity { ParticipantId = person.Id, Channel = Channel.WebChat, Address = userId, CreatedAt = now });
        }

        var conversation = new Conversation
        {
            ParticipantId = person.Id, Channel = Channel.WebChat, ChannelConversationId = conversationId, StartedAt = now, LastActivityAt = now,
        };
        db.Conversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false; // the same token started it twice at once: the other request opened it
        }

        if (!known)
        {
            // Web chat greets first: a visitor facing an empty window doesn't know what to write.
            var reply = await host.GreetAsync(db, person, conversation, locale is null ? [] : [locale], ct);
            replies.Add(db, conversation, person, userId, reply, now);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        LogOpened(conversationId, known);
        return true;
    }

    /// <summary>
    /// Stores what she posted and the bot's answer. The conversation's row is locked for the turn, so two
    /// quick messages are answered one after the other and activity ids (the watermark) commit in order.
    /// </summary>
    public async Task<PostedActivity> PostAsync(string conversationId, string userId, JsonObject posted, string text, string? clientActivityId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var conversation = await db.Conversations
            .FromSql($"SELECT * FROM conversations WHERE channel = 'web_chat' AND channel_conversation_id = {conversationId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (conversation?.ParticipantId is not { } personId)
        {
            return new PostedActivity(null);
        }

        if (clientActivityId is not null
            && await db.DirectLineActivities.FirstOrDefaultAsync(a => a.ConversationId == conversation.Id && a.ClientActivityId == clientActivityId, ct) is { } earlier)
        {
            return new PostedActivity(ActivityJson.Id(conversationId, earlier.Id)); // a retry of a post already answered
        }

        var person = await db.Participants.SingleAsync(p => p.Id == personId, ct);
        var now = clock.GetUtcNow();
        var message = MessageLog.Inbound(db, conversation, person, text, now);
        var echo = new DirectLineActivity
        {
            ConversationId = conversation.Id, MessageId = message.Id, ClientActivityId = clientActivityId,
            Activity = ActivityJson.Echo(posted, conversationId, userId, clientActivityId, now), CreatedAt = now,
        };
        db.DirectLineActivities.Add(echo);
        await db.SaveChangesAsync(ct);

        await AnswerAsync(transaction, conversation, person, message, echo, userId, text, LanguageHints(posted), ct);
        await transaction.CommitAsync(ct);
        metrics.InboundReceived(Channel.WebChat);
        return new PostedActivity(ActivityJson.Id(conversationId, echo.Id));
    }

    /// <summary>
    /// Runs her turn after a savepoint: if a dialog or action fails, its work is undone and her message
    /// is still kept and echoed (a bug must not lose what she wrote, nor make Web Chat show "send failed").
    /// </summary>
    async Task AnswerAsync(IDbContextTransaction transaction, Conversation conversation, Participant person,
        Message message, DirectLineActivity echo, string userId, string text, IReadOnlyList<string> languageHints, CancellationToken ct)
    {
        const string savepoint = "before_reply";
        await transaction.CreateSavepointAsync(savepoint, ct);
        try
        {
            var reply = await host.ReplyAsync(db, person, conversation, text, ct, languageHints);
            MessageLog.RecordAnswer(message, reply);
            replies.Add(db, conversation, reply.MergedInto ?? person, userId, reply, clock.GetUtcNow().AddTicks(TimeSpan.TicksPerMicrosecond));
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await transaction.RollbackToSavepointAsync(savepoint, ct);
            foreach (var entry in db.ChangeTracker.Entries().ToList())
            {
                if (entry.Entity == conversation || entry.Entity == person || entry.Entity == message)
                {
                    await entry.ReloadAsync(ct);
                }
                else if (entry.Entity != echo)
                {
                    entry.State = EntityState.Detached;
                }
            }

            LogReplyFailed(e, conversation.ChannelConversationId);
        }
    }

    /// <summary>
    /// What her browser says about her languages: the activity's <c>locale</c> (Web Chat's locale prop) and
    /// <c>channelData.languages</c> (the /chat page passes <c>navigator.languages</c>). Read only as hints.
    /// </summary>
    static IReadOnlyList<string> LanguageHints(JsonObject posted)
    {
        var hints = new List<string>();
        if (ActivityRequest.Text(posted["locale"]) is { Length: > 0 and <= 35 } locale)
        {
            hints.Add(locale);
        }

        // channelData may be anything a client sends (a string, an array): only an object's languages count.
        if (ActivityRequest.Property(posted["channelData"], "languages") is JsonArray languages)
        {
            hints.AddRange(languages.Take(10).Select(ActivityRequest.Text).OfType<string>().Where(tag => tag.Length is > 0 and <= 35));
        }

        return hints;
    }

    string SupportedLanguage(string? locale)
    {
        var language = locale?.Split('-')[0].ToLowerInvariant();
        return language is not null && library.Catalog.SupportedLanguages.Contains(language) ? language : "da";
    }

    [LoggerMessage(LogLevel.Information, "Web chat conversation {ConversationId} opened (known person: {Known})")]
    partial void LogOpened(string conversationId, bool known);

    [LoggerMessage(LogLevel.Error, "Answering a web chat message in {ConversationId} failed: her message is stored, nothing it produced is")]
    partial void LogReplyFailed(Exception e, string conversationId);
}
