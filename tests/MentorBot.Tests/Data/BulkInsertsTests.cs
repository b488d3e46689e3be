using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentorBot.Tests.Data;

/// <summary>
/// <see cref="BulkInserts"/> against a real PostgreSQL: the rows it inserts a table at a time read back exactly as EF
/// would have written them, EF's own changes are saved first, and a failure surfaces as EF reports one.
/// </summary>
public sealed class BulkInsertsTests(PostgresFixture postgres)
{
    static readonly BulkInsertTypes Turn = new(Before: [typeof(Participant), typeof(Conversation)], After: [typeof(DialogSession), typeof(Message)]);
    static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Added_messages_and_dialogs_read_back_column_for_column_with_their_new_participant_and_conversation()
    {
        var database = await postgres.CreateDatabaseAsync();
        Message inbound, reply;
        DialogSession session;
        await using (var db = TestDb.Open(database))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (person, conversation) = NewPerson(db, "+4520000001");
            session = new DialogSession { ParticipantId = person.Id, DialogId = "welcome", DialogVersion = 3, StepId = "ask_language", State = """{"values": {"name": "سارة"}}""", StartedAt = Now, UpdatedAt = Now };
            inbound = new Message
            {
                ConversationId = conversation.Id, ParticipantId = person.Id, Channel = Channel.Sms, Direction = MessageDirection.Inbound, Author = MessageAuthor.Participant,
                Text = "مرحبا ١٢", Language = "ar", QuestionKind = "ask_choice", NotUnderstood = true, AnswerReading = """{"picked": [2]}""",
                ProviderMessageId = "SM" + new string('1', 32), DeliveryStatus = DeliveryStatus.Received, CreatedAt = Now, UpdatedAt = Now,
            };
            reply = new Message
            {
                ConversationId = conversation.Id, ParticipantId = person.Id, Channel = Channel.Sms, Direction = MessageDirection.Outbound, Author = MessageAuthor.Bot,
                Text = "Velkommen", MessageKey = "welcome.ask_language", MessageArgs = """{"name": "Sara"}""", SentVia = DeliveryRoute.WhatsappTemplate, Attempts = 2,
                NextAttemptAt = Now.AddSeconds(5), DeliveryStatus = DeliveryStatus.Queued, CreatedAt = Now.AddTicks(10), UpdatedAt = Now,
            };
            db.AddRange(session, inbound, reply);

            await db.SaveChangesAsync(Turn, CancellationToken.None);
            await transaction.CommitAsync();
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        await using var read = TestDb.Open(database);
        var messages = await read.Messages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equivalent(new[] { inbound, reply }.Select(Without), messages.Select(Without), strict: true);
        Assert.Equivalent(Without(session), Without(await read.DialogSessions.AsNoTracking().SingleAsync()), strict: true);
        Assert.Equal("مرحبا ١٢", messages[0].Text);
        Assert.Equal("whatsapp_template", await TestSql.ScalarAsync<string>(database, "SELECT sent_via FROM messages WHERE direction = 'outbound'"));
        Assert.Equal("سارة", await TestSql.ScalarAsync<string>(database, "SELECT state -> 'values' ->> 'name' FROM dialog_sessions"));
    }

    [Fact]
    public async Task A_dialog_superseded_in_the_same_save_is_updated_before_its_successor_is_inserted()
    {
        var database = await postgres.CreateDatabaseAsync();
        Guid personId;
        await using (var db = TestDb.Open(database))
        {
            var (person, _) = NewPerson(db, "+4520000002");
            personId = person.Id;
            db.DialogSessions.Add(new DialogSession { ParticipantId = person.Id, DialogId = "signup", StepId = "ask_name", StartedAt = Now, UpdatedAt = Now });
            await db.SaveChangesAsync();
        }

        await using (var db = TestDb.Open(database))
        {
            var running = await db.DialogSessions.SingleAsync();
            running.Status = DialogSessionStatus.Superseded; // one active dialog per person: the index allows the new one only after this
            db.DialogSessions.Add(new DialogSession { ParticipantId = personId, DialogId = "menu", StepId = "choose", StartedAt = Now, UpdatedAt = Now });

            await db.SaveChangesAsync(Turn, CancellationToken.None);
        }

        await using var read = TestDb.Open(database);
        Assert.Equal(["menu"], await read.DialogSessions.Where(s => s.Status == DialogSessionStatus.Active).Select(s => s.DialogId).ToListAsync());
    }

    [Fact]
    public async Task A_retried_message_sid_fails_as_ef_reports_a_unique_violation_and_nothing_of_the_save_is_kept()
    {
        var database = await postgres.CreateDatabaseAsync();
        const string sid = "SM" + "22222222222222222222222222222222";
        await using (var db = TestDb.Open(database))
        {
            var (person, conversation) = NewPerson(db, "+4520000003");
            db.Messages.Add(Inbound(conversation, person, sid));
            await db.SaveChangesAsync(Turn, CancellationToken.None);
        }

        await using (var db = TestDb.Open(database))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (person, conversation) = NewPerson(db, "+4520000004");
            db.Messages.Add(Inbound(conversation, person, sid));

            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Turn, CancellationToken.None));

            Assert.Equal("ix_messages_channel_provider_message_id", Assert.IsType<PostgresException>(error.InnerException).ConstraintName);
        }

        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM participants"));
    }

    [Fact]
    public async Task A_message_a_web_chat_activity_points_at_is_left_to_ef_which_inserts_it_first()
    {
        var database = await postgres.CreateDatabaseAsync();

        await SaveTurnAsync(database, db =>
        {
            var (person, conversation) = NewPerson(db, "+4520000005");
            var message = Inbound(conversation, person, "activity-1");
            db.Messages.Add(message);
            db.DirectLineActivities.Add(new DirectLineActivity { ConversationId = conversation.Id, MessageId = message.Id, Activity = "{}", CreatedAt = Now });
        });

        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM direct_line_activities a JOIN messages m ON m.id = a.message_id"));
    }

    [Fact]
    public async Task A_phone_moved_to_a_new_person_in_the_same_save_is_left_to_ef_which_frees_it_first()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using (var db = TestDb.Open(database))
        {
            NewPerson(db, "+4520000006");
            await db.SaveChangesAsync();
        }

        await using (var db = TestDb.Open(database))
        {
            var old = await db.Participants.SingleAsync();
            old.Phone = null; // the number now belongs to someone new: inserted first, she would collide with the old row
            var (person, conversation) = NewPerson(db, "+4520000006");
            conversation.ChannelConversationId = "whatsapp:+4520000006";
            db.Messages.Add(Inbound(conversation, person, "SM-moved"));

            await db.SaveChangesAsync(Turn, CancellationToken.None);
        }

        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM participants WHERE phone = '+4520000006'"));
        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM messages m JOIN participants p ON p.id = m.participant_id WHERE p.phone = '+4520000006'"));
    }

    [Fact]
    public async Task A_row_ef_adds_for_a_new_person_finds_her_inserted_before_it()
    {
        var database = await postgres.CreateDatabaseAsync();

        await SaveTurnAsync(database, db =>
        {
            var (person, _) = NewPerson(db, "+4520000007");
            db.Profiles.Add(new Profile { ParticipantId = person.Id, City = "Aarhus", UpdatedAt = Now });
        });

        Assert.Equal("Aarhus", await TestSql.ScalarAsync<string>(database, "SELECT city FROM profiles JOIN participants p ON p.id = participant_id WHERE p.phone = '+4520000007'"));
    }

    /// <summary>What <paramref name="add"/> adds to a fresh context, saved as a batch of turns is.</summary>
    static async Task SaveTurnAsync(string database, Action<MentorBotDb> add)
    {
        await using var db = TestDb.Open(database);
        add(db);
        await db.SaveChangesAsync(Turn, CancellationToken.None);
    }

    static (Participant Person, Conversation Conversation) NewPerson(MentorBotDb db, string phone)
    {
        var person = new Participant { Role = ParticipantRole.Mentee, Phone = phone, PreferredLanguage = "ar", CreatedAt = Now, UpdatedAt = Now };
        var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = phone, StartedAt = Now, LastActivityAt = Now };
        db.AddRange(person, conversation);
        return (person, conversation);
    }

    static Message Inbound(Conversation conversation, Participant person, string providerId) => new()
    {
        ConversationId = conversation.Id, ParticipantId = person.Id, Channel = Channel.Sms, Direction = MessageDirection.Inbound, Author = MessageAuthor.Participant,
        Text = "Hej", ProviderMessageId = providerId, DeliveryStatus = DeliveryStatus.Received, CreatedAt = Now, UpdatedAt = Now,
    };

    // Compared without navigations; jsonb comes back in PostgreSQL's own spacing, so it is compared as written there.
    static object Without(Message m) => new { m.Id, m.ConversationId, m.ParticipantId, m.Channel, m.Direction, m.Author, m.CoordinatorId, m.Text, m.Language, m.QuestionKind,
        m.NotUnderstood, m.MessageKey, MessageArgs = Json(m.MessageArgs), MessageOptions = Json(m.MessageOptions), AnswerReading = Json(m.AnswerReading), m.ProviderMessageId,
        m.DeliveryStatus, m.ErrorCode, m.ErrorMessage, m.Attempts, m.NextAttemptAt, m.SentVia, m.WhatsappTemplateSid, m.SendStartedAt, m.SendNode, m.CreatedAt, m.SentAt,
        m.DeliveredAt, m.UpdatedAt };

    static object Without(DialogSession s) => new { s.Id, s.ParticipantId, s.DialogId, s.DialogVersion, s.StepId, State = Json(s.State), s.Status, s.StartedAt, s.UpdatedAt, s.EndedAt };

    static string? Json(string? json) => json is null ? null : System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
