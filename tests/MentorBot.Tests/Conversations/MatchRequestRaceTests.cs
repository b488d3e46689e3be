using MentorBot.Bot.Conversations.Actions;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Conversations;

public sealed class MatchRequestRaceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_mentees_asking_for_a_mentors_last_place_at_once_one_gets_it_the_other_hears_taken()
    {
        var database = await postgres.CreateDatabaseAsync();
        var now = DateTimeOffset.Parse("2026-03-11T09:00:00Z");
        Guid mentorId;
        Guid[] mentees;
        await using (var db = TestDb.Open(database))
        {
            var branch = await db.Branches.FirstAsync(b => b.Code == "copenhagen");
            var mentor = new Participant { BranchId = branch.Id, Role = ParticipantRole.Mentor, DisplayName = "Hanne", Status = ParticipantStatus.Active, CreatedAt = now, UpdatedAt = now,
                Profile = new Profile { MentorCapacity = 1, UpdatedAt = now } };
            var people = Enumerable.Range(0, 2).Select(_ => new Participant { BranchId = branch.Id, Role = ParticipantRole.Mentee, Status = ParticipantStatus.Active, CreatedAt = now, UpdatedAt = now }).ToList();
            db.Participants.Add(mentor);
            db.Participants.AddRange(people);
            await db.SaveChangesAsync();
            mentorId = mentor.Id;
            mentees = people.Select(p => p.Id).ToArray();
        }

        using var bothInside = new Barrier(2);
        var answers = await Task.WhenAll(mentees.Select(menteeId => Task.Run(async () =>
        {
            await using var db = TestDb.Open(database);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var person = await db.Participants.SingleAsync(p => p.Id == menteeId);
            var conversation = new Conversation { ParticipantId = menteeId, Channel = Channel.Sms, ChannelConversationId = menteeId.ToString(), StartedAt = now, LastActivityAt = now };
            db.Conversations.Add(conversation);
            var values = new Dictionary<string, string> { ["results.mentor_1"] = mentorId.ToString() };
            bothInside.SignalAndWait();
            var result = await new SendMatchRequest().RunAsync(
                new DialogActionContext(db, person, conversation, new Dictionary<string, string> { ["pick"] = "1" }, values, now, RealDialogTests.RealLibrary), CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return result["status"];
        })));

        Assert.Equal(["sent", "taken"], answers.Order());
        await using var check = TestDb.Open(database);
        Assert.Equal(1, await check.Matches.CountAsync(m => m.MentorId == mentorId && m.Status == MatchStatus.Requested));
    }
}
