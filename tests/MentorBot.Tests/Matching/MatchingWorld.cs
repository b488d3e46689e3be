using MentorBot.Bot.Access;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Matching;
using MentorBot.Data.Model;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Matching;

/// <summary>A test database with a Copenhagen coordinator and helpers to add mentees and mentors, each with her own SMS chat.</summary>
internal sealed class MatchingWorld(string database, FixedClock clock, Guid copenhagen, Guid aarhus, Guid coordinatorId)
{
    public string Database => database;

    public FixedClock Clock => clock;

    public Guid Copenhagen => copenhagen;

    public Guid Aarhus => aarhus;

    public BranchScope Coordinator => BranchScope.Coordinator(coordinatorId, [copenhagen]);

    public static async Task<MatchingWorld> CreateAsync(PostgresFixture postgres, bool coordinatorApproves = false)
    {
        var database = await postgres.CreateDatabaseAsync();
        var clock = new FixedClock(DateTimeOffset.Parse("2026-03-11T09:00:00Z"));
        await using var db = TestDb.Open(database);
        var copenhagen = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
        copenhagen.Settings = copenhagen.Settings with { CoordinatorApprovesMatches = coordinatorApproves };
        var aarhus = await db.Branches.SingleAsync(b => b.Code == "aarhus");
        var coordinator = new Coordinator { Email = "k@example.org", DisplayName = "Kirsten", CreatedAt = clock.Now };
        coordinator.Branches.Add(new CoordinatorBranch { BranchId = copenhagen.Id });
        db.Coordinators.Add(coordinator);
        await db.SaveChangesAsync();
        return new MatchingWorld(database, clock, copenhagen.Id, aarhus.Id, coordinator.Id);
    }

    public async Task<Guid> AddAsync(ParticipantRole role, string name, Profile profile, Guid? branch = null, Track track = Track.Women, string language = "en")
    {
        await using var db = TestDb.Open(database);
        var person = new Participant
        {
            BranchId = branch ?? copenhagen, Role = role, Track = track, DisplayName = name, PreferredLanguage = language, Status = ParticipantStatus.Active,
            Phone = $"+4520{Random.Shared.Next(100000, 999999)}", CreatedAt = clock.Now, UpdatedAt = clock.Now,
        };
        profile.UpdatedAt = clock.Now;
        person.Profile = profile;
        db.Participants.Add(person);
        db.Conversations.Add(new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = person.Phone, StartedAt = clock.Now, LastActivityAt = clock.Now });
        await db.SaveChangesAsync();
        return person.Id;
    }

    public async Task<ConversationHostTests.Chat> ChatAsync(Guid personId)
    {
        await using var db = TestDb.Open(database);
        var conversation = await db.Conversations.SingleAsync(c => c.ParticipantId == personId);
        return new ConversationHostTests.Chat(database, personId, conversation.Id, clock, RealDialogTests.RealLibrary, DialogActions.All());
    }

    public async Task<T> WithAdministrationAsync<T>(Func<MatchAdministration, Task<T>> use)
    {
        await using var db = TestDb.Open(database);
        return await use(new MatchAdministration(db, clock, new MatchingOptions()));
    }
}
