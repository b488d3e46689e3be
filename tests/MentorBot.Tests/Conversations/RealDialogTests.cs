using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Data.Model;
using MentorBot.Tests.Dialogs;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Conversations;

/// <summary>The real dialogs with the real actions on a real database: what a participant's messages leave behind.</summary>
public sealed class RealDialogTests(PostgresFixture postgres)
{
    static readonly Lazy<DialogLibrary> Library = new(() => DialogLibrary.Load(new DialogLibraryOptions { Directory = TestPaths.Dialogs, LocalesDirectory = TestPaths.Locales }));

    readonly FixedClock _clock = new(DateTimeOffset.Parse("2026-03-11T09:00:00Z"));

    [Fact]
    public async Task A_mentee_signs_up_from_first_contact_and_is_stored_with_her_consent()
    {
        var (database, chat) = await NewChatAsync();

        await chat.SayAsync("Hello");
        await chat.SayAsync("2"); // English
        await chat.SayAsync("1"); // find a mentor
        foreach (var line in new[] { "Amal", "1", "Valby", "6", "2", "Nurse", "6", "1 3 5", "1 11", "2" })
        {
            await chat.SayAsync(line);
        }

        var summary = await chat.SayAsync("yes"); // consent
        var done = await chat.SayAsync("yes");    // the summary is right

        Assert.Contains(summary, line => line.Contains("Name: Amal", StringComparison.Ordinal) && line.Contains("Branch: Copenhagen", StringComparison.Ordinal));
        Assert.NotEmpty(done);
        await using var db = TestDb.Open(database);
        var person = await db.Participants.Include(p => p.Profile).Include(p => p.Branch).Include(p => p.Consents).SingleAsync();
        Assert.Equal(("Amal", ParticipantRole.Mentee, ParticipantStatus.Active, "copenhagen", "en"),
            (person.DisplayName, person.Role, person.Status, person.Branch?.Code, person.PreferredLanguage));
        Assert.Equal(("Nurse", "Valby"), (person.Profile!.Profession, person.Profile.City));
        Assert.Equal(3, person.Profile.Goals.Count);
        var consent = Assert.Single(person.Consents);
        Assert.Equal((ConsentPurpose.Participation, "consent.v1", "en", Channel.Sms), (consent.Purpose, consent.TextVersion, consent.Language, consent.Channel));
        Assert.Equal(DialogSessionStatus.Completed, (await db.DialogSessions.OrderBy(s => s.StartedAt).LastAsync()).Status);
    }

    async Task<(string Database, ConversationHostTests.Chat Chat)> NewChatAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var db = TestDb.Open(database);
        var person = new Participant { PreferredLanguage = "da", CreatedAt = _clock.Now, UpdatedAt = _clock.Now, Phone = "+4520000001" };
        var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = "+4520000001", StartedAt = _clock.Now, LastActivityAt = _clock.Now };
        db.AddRange(person, conversation);
        await db.SaveChangesAsync();
        return (database, new ConversationHostTests.Chat(database, person.Id, conversation.Id, _clock, Library.Value, DialogActions.All()));
    }
}
