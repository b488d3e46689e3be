using MentorBot.Bot.Privacy;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Hardening;

/// <summary>
/// Her phone number leaves with her: from her partner's introduction in every written form, and from her
/// phone-link codes. Before, erasure replaced only her name there, and phone_verifications kept number and person.
/// </summary>
public sealed class ErasurePhoneTracesTests(PostgresFixture postgres)
{
    const string Phone = "+4529187364";

    [Fact]
    public async Task Erasure_removes_her_number_from_her_partners_messages_and_her_phone_link_codes()
    {
        var database = await postgres.CreateDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        Guid herId;
        await using (var db = TestDb.Open(database))
        {
            var branch = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
            var her = new Participant { DisplayName = "Amal", Role = ParticipantRole.Mentee, BranchId = branch.Id, PreferredLanguage = "en", Status = ParticipantStatus.Active, Phone = Phone, CreatedAt = now, UpdatedAt = now };
            var mentor = new Participant { DisplayName = "Karen", Role = ParticipantRole.Mentor, BranchId = branch.Id, PreferredLanguage = "da", Status = ParticipantStatus.Active, Phone = "+4520000077", CreatedAt = now, UpdatedAt = now };
            db.Participants.AddRange(her, mentor);
            db.Matches.Add(new Match { BranchId = branch.Id, MenteeId = her.Id, MentorId = mentor.Id, RequestedAt = now });
            var conversation = new Conversation { ParticipantId = mentor.Id, Channel = Channel.Sms, ChannelConversationId = mentor.Phone!, StartedAt = now, LastActivityAt = now };
            db.Conversations.Add(conversation);
            foreach (var text in new[] { "Reach her on +45 29 18 73 64.", "Her number: +4529187364", "Ring 29 18 73 64 or 004529187364" })
            {
                db.Messages.Add(new Message
                {
                    ConversationId = conversation.Id, ParticipantId = mentor.Id, Channel = Channel.Sms, Direction = MessageDirection.Outbound,
                    Author = MessageAuthor.Bot, Text = text, DeliveryStatus = DeliveryStatus.Delivered, CreatedAt = now, UpdatedAt = now,
                });
            }

            db.PhoneVerifications.Add(new PhoneVerification { ParticipantId = her.Id, Phone = Phone, CodeHash = "x", CreatedAt = now, ExpiresAt = now.AddMinutes(10) });
            await db.SaveChangesAsync();
            herId = her.Id;
        }

        Assert.Contains("29 18 73 64", await DatabaseDump.FullAsync(database));
        await using (var db = TestDb.Open(database))
        {
            await new PersonErasure(db, TimeProvider.System, NullLogger<PersonErasure>.Instance).EraseBySystemAsync(herId, "test", CancellationToken.None);
        }

        var after = await DatabaseDump.FullAsync(database);
        Assert.All(new[] { "29187364", "29 18 73 64" }, trace => Assert.DoesNotContain(trace, after));
        Assert.Equal(0, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM phone_verifications"));
        Assert.Contains("Reach her on [erased].", after);
    }
}
