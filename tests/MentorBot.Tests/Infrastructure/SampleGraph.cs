using MentorBot.Data.Model;

namespace MentorBot.Tests.Infrastructure;

/// <summary>One of every entity, each property set to a value other than its default, all linked up.</summary>
public sealed class SampleGraph
{
    public static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 15, TimeSpan.Zero);

    public required Branch Branch { get; init; }

    public required Participant Mentee { get; init; }

    public required Participant Mentor { get; init; }

    public required IReadOnlyList<object> All { get; init; }

    public static SampleGraph Create()
    {
        var branch = new Branch
        {
            Code = "sample_branch", Name = "Sample branch", City = "Aarhus", Track = Track.Mixed, TimeZone = "Europe/Copenhagen",
            Settings = new BranchSettings { MaxPromptsPerDay = 3, CoordinatorApprovesMatches = true, QuietHoursStart = new TimeOnly(20, 30) },
            CreatedAt = At,
        };
        var mentee = Person(branch, ParticipantRole.Mentee, "+4520000001", "ar");
        var mentor = Person(branch, ParticipantRole.Mentor, "+4520000002", "da");
        var coordinator = new Coordinator { Email = "Coordinator@Example.org", DisplayName = "Karen", Role = CoordinatorRole.Admin, Language = "en", CreatedAt = At, DisabledAt = At.AddDays(9),
            NormalizedEmail = "COORDINATOR@EXAMPLE.ORG", PasswordHash = "AQAAAAIAAYagAAAAE…", SecurityStamp = "STAMP", TwoFactorEnabled = true,
            AuthenticatorKey = "JBSWY3DPEHPK3PXP", LockoutEnd = At.AddMinutes(15), AccessFailedCount = 3 };
        var conversation = new Conversation { ParticipantId = mentee.Id, Channel = Channel.Sms, ChannelConversationId = "+4520000001", StartedAt = At, LastActivityAt = At.AddMinutes(5) };
        var match = new Match
        {
            BranchId = branch.Id, MenteeId = mentee.Id, MentorId = mentor.Id, Status = MatchStatus.PendingApproval, Score = 0.83,
            RequestedAt = At, RespondedAt = At.AddHours(2), StartedAt = At.AddDays(1), PlannedEndAt = At.AddMonths(6),
            EndedAt = At.AddMonths(5), DeclineReason = "busy", EndReason = "job found", AtRisk = true,
        };
        var meeting = new Meeting { MatchId = match.Id, PlannedOn = new DateOnly(2026, 3, 20), HeldOn = new DateOnly(2026, 3, 21), CreatedAt = At };
        var definition = new SurveyDefinition { Kind = SurveyKind.End, Version = 2, DialogId = "end_survey", Indicators = ["job_situation", "career_clarity"], CreatedAt = At };
        var instance = new SurveyInstance { DefinitionId = definition.Id, ParticipantId = mentee.Id, MatchId = match.Id, Status = SurveyInstanceStatus.Completed, SentAt = At, CompletedAt = At.AddHours(1) };
        var @event = new Event
        {
            BranchId = branch.Id, Kind = EventKind.CollectiveMentoring, Title = "Kollektiv mentoring", Location = "Godsbanen",
            StartsAt = At.AddDays(10), EndsAt = At.AddDays(10).AddHours(3), Capacity = 150, GuestsAllowed = true, ChildcareOffered = true,
            PublishedAt = At, CancelledAt = At.AddDays(2), CreatedAt = At,
        };

        List<object> all =
        [
            branch, mentee, mentor, coordinator, conversation, match, meeting, definition, instance, @event,
            new Profile
            {
                ParticipantId = mentee.Id, EducationLevel = EducationLevel.Master, ProfessionalField = "it", Profession = "Software tester",
                YearsOfExperience = 6, Goals = ["job", "network"], Offers = ["danish_practice"], Languages = ["ar", "en"],
                DanishLevel = DanishLevel.Intermediate, City = "Aarhus", Availability = "evenings", MentorCapacity = 2,
                Employer = "Region Midt", PartnerCompany = "it_partner", UpdatedAt = At,
            },
            new ChannelIdentity { ParticipantId = mentee.Id, Channel = Channel.WebChat, Address = "dl_user_1", VerifiedAt = At, CreatedAt = At },
            new Consent { ParticipantId = mentee.Id, Purpose = ConsentPurpose.Matching, TextVersion = "consent.v1", Language = "ar", Channel = Channel.Whatsapp, GivenAt = At, WithdrawnAt = At.AddDays(30) },
            new CoordinatorBranch { CoordinatorId = coordinator.Id, BranchId = branch.Id },
            new Message
            {
                ConversationId = conversation.Id, ParticipantId = mentee.Id, Channel = Channel.Sms, Direction = MessageDirection.Outbound,
                Author = MessageAuthor.Coordinator, CoordinatorId = coordinator.Id, Text = "مرحبا Åse", Language = "ar",
                ProviderMessageId = "SM0123456789abcdef0123456789abcdef", DeliveryStatus = DeliveryStatus.Undelivered, ErrorCode = "30003",
                ErrorMessage = "Unreachable handset", Attempts = 2, NextAttemptAt = At.AddSeconds(4), SentVia = DeliveryRoute.WhatsappTemplate,
                WhatsappTemplateSid = "HX0123456789abcdef0123456789abcdef", SendStartedAt = At.AddSeconds(1), SendNode = "node-7f3a", CreatedAt = At, SentAt = At.AddSeconds(1), DeliveredAt = At.AddSeconds(9), UpdatedAt = At.AddSeconds(9),
            },
            new DialogSession
            {
                ParticipantId = mentee.Id, DialogId = "mentee_signup", DialogVersion = 3, StepId = "ask_field",
                State = """{"answers": {"name": "Amal"}}""", Status = DialogSessionStatus.Active, StartedAt = At, UpdatedAt = At.AddMinutes(1), EndedAt = At.AddMinutes(2),
            },
            new MatchStatusChange { Id = 7, MatchId = match.Id, FromStatus = MatchStatus.Requested, ToStatus = MatchStatus.PendingApproval, ChangedBy = ActorKind.Coordinator, ActorId = coordinator.Id, Reason = "approve first", ChangedAt = At },
            new BlockedPair { MenteeId = mentee.Id, MentorId = mentor.Id, CoordinatorId = coordinator.Id, Reason = "neighbours", CreatedAt = At },
            new MeetingReport
            {
                MatchId = match.Id, MeetingId = meeting.Id, ReporterId = mentor.Id, ReporterRole = ParticipantRole.Mentor, Met = true,
                MetOn = new DateOnly(2026, 3, 21), Topics = [MeetingReportTopic.CvApplication, MeetingReportTopic.WorkplaceCulture],
                Note = "CV gennemgået", NextMeetingOn = new DateOnly(2026, 4, 4), Channel = Channel.Sms, SubmittedAt = At,
            },
            new SurveyAnswer { Id = 11, InstanceId = instance.Id, Indicator = "career_clarity", Choice = "employed", Number = 4, Choices = ["a", "b"], AnsweredAt = At },
            new EventRegistration
            {
                EventId = @event.Id, ParticipantId = mentee.Id, Status = RegistrationStatus.Registered, Guests = 1, ChildcareNeeded = true,
                ChildrenAges = [3, 7], Attended = true, InvitedAt = At, RespondedAt = At.AddHours(3),
            },
            new Handover { ParticipantId = mentee.Id, Status = HandoverStatus.TakenOver, Reason = "three_misses", CoordinatorId = coordinator.Id, RequestedAt = At, TakenOverAt = At.AddMinutes(3), ReleasedAt = At.AddMinutes(30) },
            new ScheduledPrompt
            {
                ParticipantId = mentor.Id, MatchId = match.Id, EventId = @event.Id, Kind = "report_prompt", DialogId = "meeting_report",
                OccurrenceKey = $"report_prompt:{match.Id}:{mentor.Id}:2026-03-21", Status = PromptStatus.Deferred, DueAt = At,
                SentAt = At.AddHours(1), Attempts = 2, LastError = "quiet hours", CreatedAt = At,
            },
            new DirectLineActivity
            {
                ConversationId = conversation.Id, ClientActivityId = "blq7m3x2r0g",
                Activity = """{"text": "مرحبا", "type": "message", "channelData": {"clientActivityID": "blq7m3x2r0g"}}""", CreatedAt = At,
            },
            new TwilioSenderSlot { Sender = "+4570000000", NextSlotAt = At.AddSeconds(3) },
            new OutboxNode { NodeId = "node-7f3a", SeenAt = At },
            new PhoneVerification
            {
                ParticipantId = mentee.Id, Phone = "+4520000001", CodeHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                CreatedAt = At, ExpiresAt = At.AddMinutes(10), Attempts = 2, VerifiedAt = At.AddMinutes(3),
            },
            new DataProtectionKey { Id = 11, FriendlyName = "key-0f7c", Xml = "<key id=\"0f7c\" version=\"1\" />", CreatedAt = At },
            new CoordinatorRecoveryCode { CoordinatorId = coordinator.Id, CodeHash = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", CreatedAt = At, UsedAt = At.AddDays(2) },
            new CoordinatorSetupLink
            {
                CoordinatorId = coordinator.Id, TokenHash = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", CreatedBy = coordinator.Id,
                CreatedAt = At, ExpiresAt = At.AddDays(3), UsedAt = At.AddHours(5),
            },
            new AuditEntry { Id = 5, At = At, ActorKind = ActorKind.Coordinator, ActorId = coordinator.Id, Action = "transcript.viewed", SubjectKind = "participant", SubjectId = mentee.Id, BranchId = branch.Id, Details = """{"messages": 12}""" },
        ];
        return new SampleGraph { Branch = branch, Mentee = mentee, Mentor = mentor, All = all };
    }

    static Participant Person(Branch branch, ParticipantRole role, string phone, string language) => new()
    {
        BranchId = branch.Id, Role = role, Track = Track.Women, PreferredLanguage = language, DisplayName = role.ToString(),
        Phone = phone, Status = ParticipantStatus.Active, OptedOutAt = At, OptedOutVia = Channel.Whatsapp, PermanentDeliveryError = 21610,
        CreatedAt = At, UpdatedAt = At.AddMinutes(1),
    };
}
