using MentorBot.Data.Model;

namespace MentorBot.Tests.Infrastructure;

/// <summary>Many people each with one prompt due now, for the tests where whole app processes drain them.</summary>
public static class DuePrompts
{
    /// <summary>
    /// A branch without quiet hours (the tests run at any hour) and <paramref name="count"/> people with phones
    /// <c>{phonePrefix}000000…</c>, each with one prompt (the <c>help</c> dialog: one SMS) due a minute ago. Returns their phones in order.
    /// </summary>
    public static async Task<List<string>> SeedAsync(string database, int count, string code, string phonePrefix)
    {
        await using var db = TestDb.Open(database);
        var now = DateTimeOffset.UtcNow;
        var branch = new Branch
        {
            Code = code, Name = code, City = "Aarhus", CreatedAt = now,
            Settings = new BranchSettings { QuietHoursStart = TimeOnly.MinValue, QuietHoursEnd = TimeOnly.MinValue, MaxPromptsPerDay = 10 },
        };
        var people = Enumerable.Range(0, count).Select(i => new Participant
        {
            BranchId = branch.Id, PreferredLanguage = "en", Status = ParticipantStatus.Active, Phone = $"{phonePrefix}{i:D6}", CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Branches.Add(branch);
        db.Participants.AddRange(people);
        db.ScheduledPrompts.AddRange(people.Select(p => new ScheduledPrompt
        {
            ParticipantId = p.Id, Kind = "event_reminder", DialogId = "help", OccurrenceKey = $"{code}:{p.Id}", DueAt = now.AddMinutes(-1), CreatedAt = now,
        }));
        await db.SaveChangesAsync();
        return people.Select(p => p.Phone!).ToList();
    }
}
