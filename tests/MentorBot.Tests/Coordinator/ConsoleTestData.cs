using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using CoordinatorAccount = MentorBot.Data.Model.Coordinator;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// Two branches with a coordinator, a mentee (with an SMS conversation in Arabic), a mentor, a match and an
/// event each, and an admin with an authenticator key: what the console tests log in as and look at.
/// </summary>
public sealed record ConsoleTestData(
    Guid BranchA, Guid BranchB, Guid CoordinatorA, Guid CoordinatorB, Guid Admin,
    Guid MenteeA, Guid MenteeB, Guid MatchA, Guid MatchB, Guid EventA, Guid EventB)
{
    public const string Password = "correct horse battery staple";
    public const string EmailA = "anna@branch-a.example";
    public const string EmailB = "berit@branch-b.example";
    public const string AdminEmail = "admin@mentorbot.example";
    public const string AdminKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    public const string MenteePhoneA = "+4520000001";
    public const string MenteeNameA = "أمل";
    public const string ArabicLine = "مرحبا، أحتاج مساعدة في سيرتي الذاتية";

    public static async Task<ConsoleTestData> SeedAsync(string database, bool adminHasTwoFactor = true)
    {
        await using var db = TestDb.Open(database);
        var now = DateTimeOffset.UtcNow;
        var branches = await db.Branches.OrderBy(b => b.Code).ToListAsync();
        var (a, b) = (branches[0], branches[1]);
        var coordinatorA = Account(EmailA, "Anna", CoordinatorRole.Coordinator, a.Id);
        var coordinatorB = Account(EmailB, "Berit", CoordinatorRole.Coordinator, b.Id);
        var admin = Account(AdminEmail, "Admin", CoordinatorRole.Admin, null);
        admin.AuthenticatorKey = AdminKey;
        admin.TwoFactorEnabled = adminHasTwoFactor;
        db.Coordinators.AddRange(coordinatorA, coordinatorB, admin);

        Participant Person(Branch branch, ParticipantRole role, string name, string phone, string language) => new()
        {
            BranchId = branch.Id, Role = role, Track = Track.Women, PreferredLanguage = language, DisplayName = name, Phone = phone,
            Status = ParticipantStatus.Active, CreatedAt = now, UpdatedAt = now,
        };

        var menteeA = Person(a, ParticipantRole.Mentee, MenteeNameA, MenteePhoneA, "ar");
        var mentorA = Person(a, ParticipantRole.Mentor, "Hanne", "+4520000002", "da");
        var menteeB = Person(b, ParticipantRole.Mentee, "Olena", "+4520000003", "uk");
        var mentorB = Person(b, ParticipantRole.Mentor, "Mette", "+4520000004", "da");
        db.Participants.AddRange(menteeA, mentorA, menteeB, mentorB);
        foreach (var person in new[] { menteeA, mentorA, menteeB, mentorB })
        {
            person.Consents.Add(new Consent { Purpose = ConsentPurpose.Participation, TextVersion = "consent.v1", Language = person.PreferredLanguage, Channel = Channel.Sms, GivenAt = now });
        }

        var conversation = new Conversation { ParticipantId = menteeA.Id, Channel = Channel.Sms, ChannelConversationId = MenteePhoneA, StartedAt = now, LastActivityAt = now };
        db.Conversations.Add(conversation);
        db.ChannelIdentities.Add(new ChannelIdentity { ParticipantId = menteeA.Id, Channel = Channel.Sms, Address = MenteePhoneA, CreatedAt = now });
        db.Messages.AddRange(
            new Message { ConversationId = conversation.Id, ParticipantId = menteeA.Id, Channel = Channel.Sms, Direction = MessageDirection.Inbound, Author = MessageAuthor.Participant,
                Text = ArabicLine, Language = "ar", DeliveryStatus = DeliveryStatus.Received, CreatedAt = now.AddMinutes(-5), UpdatedAt = now },
            new Message { ConversationId = conversation.Id, ParticipantId = menteeA.Id, Channel = Channel.Sms, Direction = MessageDirection.Outbound, Author = MessageAuthor.Bot,
                Text = "سأطلب من منسقة أن تتصل بك.", Language = "ar", DeliveryStatus = DeliveryStatus.Delivered, CreatedAt = now.AddMinutes(-4), UpdatedAt = now });
        db.Handovers.Add(new Handover { ParticipantId = menteeA.Id, Reason = "help", RequestedAt = now.AddMinutes(-4) });

        Match Pair(Branch branch, Participant mentee, Participant mentor) => new()
        {
            BranchId = branch.Id, MenteeId = mentee.Id, MentorId = mentor.Id, Status = MatchStatus.Active, RequestedAt = now.AddDays(-30), StartedAt = now.AddDays(-29),
        };

        var matchA = Pair(a, menteeA, mentorA);
        var matchB = Pair(b, menteeB, mentorB);
        db.Matches.AddRange(matchA, matchB);
        db.MeetingReports.Add(new MeetingReport { MatchId = matchA.Id, ReporterId = mentorA.Id, ReporterRole = ParticipantRole.Mentor, Met = true, Channel = Channel.Sms, SubmittedAt = now, Note = "CV" });
        var eventA = new Event { BranchId = a.Id, Kind = EventKind.Social, Title = "Sommerfest A", StartsAt = now.AddDays(10), ChildcareOffered = true, CreatedAt = now };
        var eventB = new Event { BranchId = b.Id, Kind = EventKind.Workshop, Title = "Workshop B", StartsAt = now.AddDays(12), CreatedAt = now };
        db.Events.AddRange(eventA, eventB);
        db.EventRegistrations.Add(new EventRegistration { EventId = eventA.Id, ParticipantId = menteeA.Id, Status = RegistrationStatus.Registered, ChildcareNeeded = true, ChildrenAges = [3, 6], InvitedAt = now });
        await db.SaveChangesAsync();
        return new ConsoleTestData(a.Id, b.Id, coordinatorA.Id, coordinatorB.Id, admin.Id, menteeA.Id, menteeB.Id, matchA.Id, matchB.Id, eventA.Id, eventB.Id);
    }

    /// <summary>
    /// A completed start survey (200 days ago) and end survey (20 days ago) for each mentee: career clarity
    /// 2 → 4 and unemployed → employed in branch A, 1 → 5 in branch B.
    /// </summary>
    public static async Task SeedSurveysAsync(string database, ConsoleTestData data)
    {
        await using var db = TestDb.Open(database);
        var now = DateTimeOffset.UtcNow;
        var start = new SurveyDefinition { Kind = SurveyKind.Start, Version = 1, DialogId = "start_survey", CreatedAt = now };
        var end = new SurveyDefinition { Kind = SurveyKind.End, Version = 1, DialogId = "end_survey", CreatedAt = now };
        db.AddRange(start, end);
        foreach (var (mentee, from, to) in new[] { (data.MenteeA, 2, 4), (data.MenteeB, 1, 5) })
        {
            foreach (var (definition, value, days) in new[] { (start, from, -200), (end, to, -20) })
            {
                var instance = new SurveyInstance
                {
                    DefinitionId = definition.Id, ParticipantId = mentee, Status = SurveyInstanceStatus.Completed, SentAt = now.AddDays(days), CompletedAt = now.AddDays(days),
                };
                instance.Answers.Add(new SurveyAnswer { Indicator = "career_clarity", Number = value, AnsweredAt = now.AddDays(days) });
                instance.Answers.Add(new SurveyAnswer { Indicator = "job_situation", Choice = value > 3 ? "employed" : "unemployed_seeking", AnsweredAt = now.AddDays(days) });
                db.Add(instance);
            }
        }

        await db.SaveChangesAsync();
    }

    static CoordinatorAccount Account(string email, string name, CoordinatorRole role, Guid? branch)
    {
        var account = new CoordinatorAccount
        {
            Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, Role = role, Language = "en",
            CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        account.PasswordHash = new PasswordHasher<CoordinatorAccount>().HashPassword(account, Password);
        if (branch is { } id)
        {
            account.Branches.Add(new CoordinatorBranch { CoordinatorId = account.Id, BranchId = id });
        }

        return account;
    }

    public static Dictionary<string, string?> Settings(string database, string twilioApi = "http://127.0.0.1:9") => TwilioTestEnvironment.RealAccount(database, twilioApi);
}
