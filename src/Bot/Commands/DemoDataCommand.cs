using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Commands;

/// <summary>
/// <c>demo-data [--mentors N]</c>: fills the database with made-up mentors (active, consented, with
/// profiles spread over the branches, fields and languages) so matching can be tried on the embedded
/// defaults. The same N gives the same people. Their phone numbers (+45 99 9x xx xx) are for the SMS
/// simulator only: never run this against a database that sends real SMS.
/// </summary>
public static class DemoDataCommand
{
    static readonly string[] FirstNames = ["Hanne", "Mette", "Karen", "Lone", "Birgitte", "Sofie", "Ida", "Maja", "Anne", "Louise", "Camilla", "Nadia", "Fatima", "Leila", "Olga", "Sara"];
    static readonly (string Field, string Profession)[] Work =
    [
        ("it", "Software developer"), ("it", "IT project manager"), ("health", "Nurse"), ("health", "Doctor"), ("education", "Teacher"),
        ("engineering", "Civil engineer"), ("business", "Accountant"), ("business", "HR partner"), ("social", "Social worker"),
        ("trades", "Electrician"), ("culture", "Communications advisor"),
    ];
    static readonly string[] Languages = ["ar", "fa", "uk", "ru", "so", "ti", "tr", "ur", "es", "fr", "en"];
    static readonly string[] Offers = ["job", "education", "network", "danish", "career", "society"];

    public static async Task<int> RunAsync(IServiceProvider services, int mentors, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorBotDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var branches = await db.Branches.OrderBy(b => b.Code).ToListAsync(cancellationToken);
        if (branches.Count == 0)
        {
            await output.WriteLineAsync("No branches in the database: run `migrate` first.");
            return 1;
        }

        var random = new Random(mentors);
        var added = 0;
        for (var i = 0; i < mentors; i++)
        {
            var phone = $"+45999{i:D5}";
            if (await db.Participants.AnyAsync(p => p.Phone == phone, cancellationToken))
            {
                continue;
            }

            var (field, profession) = Work[random.Next(Work.Length)];
            var branch = branches[random.Next(branches.Count)];
            var mentor = new Participant
            {
                BranchId = branch.Id, Role = ParticipantRole.Mentor, Track = Track.Women, PreferredLanguage = "da",
                DisplayName = FirstNames[random.Next(FirstNames.Length)], Phone = phone, Status = ParticipantStatus.Active,
                CreatedAt = now, UpdatedAt = now,
                Profile = new Profile
                {
                    ProfessionalField = field, Profession = profession, YearsOfExperience = random.Next(3, 30), City = branch.City,
                    Languages = Languages.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Append("en").Distinct().ToList(),
                    Offers = Offers.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList(),
                    MentorCapacity = random.Next(1, 3), DanishLevel = DanishLevel.Fluent, UpdatedAt = now,
                },
            };
            mentor.Consents.Add(new Consent { Purpose = ConsentPurpose.Participation, TextVersion = "consent.v1", Language = "da", Channel = Channel.Console, GivenAt = now });
            db.Participants.Add(mentor);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await output.WriteLineAsync($"Added {added} demo mentors ({mentors - added} were there already).");
        return 0;
    }
}
