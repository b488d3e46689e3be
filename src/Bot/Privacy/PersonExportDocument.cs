using MentorBot.Data.Model;

namespace MentorBot.Bot.Privacy;

// The shape of a person's data export (GDPR art. 20), version 1. Serialised by PersonExportJson with
// snake_case names and enums as snake_case text (as in the database); documented in docs/privacy.md
// ("Privacy and data protection"). Add fields at the end; a change of meaning is a new version.

public sealed record PersonExportDocument(
    string Format,
    int Version,
    DateTimeOffset ExportedAt,
    ExportedParticipant Participant,
    ExportedProfile? Profile,
    IReadOnlyList<ExportedChannelIdentity> ChannelIdentities,
    IReadOnlyList<ExportedConsent> Consents,
    IReadOnlyList<ExportedConversation> Conversations,
    IReadOnlyList<ExportedDialogSession> DialogSessions,
    IReadOnlyList<ExportedMatch> Matches,
    IReadOnlyList<ExportedMeetingReport> MeetingReports,
    IReadOnlyList<ExportedSurvey> Surveys,
    IReadOnlyList<ExportedEventRegistration> EventRegistrations,
    IReadOnlyList<ExportedHandover> Handovers,
    IReadOnlyList<ExportedPrompt> ScheduledPrompts,
    IReadOnlyList<ExportedPhoneVerification> PhoneVerifications)
{
    public const string FormatName = "mentorbot.person_export";
    public const int CurrentVersion = 1;
}

public sealed record ExportedParticipant(
    Guid Id, ParticipantRole Role, Track Track, string? BranchCode, string? BranchName, string PreferredLanguage,
    string? DisplayName, string? Phone, ParticipantStatus Status, DateTimeOffset? OptedOutAt, Channel? OptedOutVia,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ExportedProfile(
    EducationLevel? EducationLevel, string? ProfessionalField, string? Profession, int? YearsOfExperience,
    IReadOnlyList<string> Goals, IReadOnlyList<string> Offers, IReadOnlyList<string> Languages, DanishLevel? DanishLevel,
    string? City, string? Availability, int? MentorCapacity, string? Employer, string? PartnerCompany, DateTimeOffset UpdatedAt);

public sealed record ExportedChannelIdentity(Channel Channel, string Address, DateTimeOffset? VerifiedAt, DateTimeOffset CreatedAt);

public sealed record ExportedConsent(ConsentPurpose Purpose, string TextVersion, string Language, Channel Channel, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);

public sealed record ExportedConversation(Guid Id, Channel Channel, DateTimeOffset StartedAt, DateTimeOffset LastActivityAt, IReadOnlyList<ExportedMessage> Messages);

public sealed record ExportedMessage(
    Guid Id, MessageDirection Direction, MessageAuthor Author, string Text, string? Language, DeliveryStatus DeliveryStatus,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt);

/// <summary>One run of a dialog: the answers it held (<c>answers.*</c>, <c>profile.*</c> values) as the engine saved them.</summary>
public sealed record ExportedDialogSession(
    string DialogId, DialogSessionStatus Status, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, string> Answers);

/// <summary>A match seen from her side: the other party appears only by first name.</summary>
public sealed record ExportedMatch(
    Guid Id, ParticipantRole HerRole, string? PartnerFirstName, MatchStatus Status, DateTimeOffset RequestedAt,
    DateTimeOffset? RespondedAt, DateTimeOffset? StartedAt, DateTimeOffset? PlannedEndAt, DateTimeOffset? EndedAt);

public sealed record ExportedMeetingReport(
    Guid MatchId, bool Met, DateOnly? MetOn, IReadOnlyList<MeetingReportTopic> Topics, string? Note, DateOnly? NextMeetingOn,
    Channel Channel, DateTimeOffset SubmittedAt);

public sealed record ExportedSurvey(
    SurveyKind Kind, int DefinitionVersion, Guid? MatchId, SurveyInstanceStatus Status, DateTimeOffset SentAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<ExportedSurveyAnswer> Answers);

public sealed record ExportedSurveyAnswer(string Indicator, string? Choice, int? Number, IReadOnlyList<string> Choices, DateTimeOffset AnsweredAt);

public sealed record ExportedEventRegistration(
    string EventTitle, DateTimeOffset EventStartsAt, RegistrationStatus Status, int Guests, bool ChildcareNeeded,
    IReadOnlyList<int> ChildrenAges, bool? Attended, DateTimeOffset InvitedAt, DateTimeOffset? RespondedAt);

public sealed record ExportedHandover(HandoverStatus Status, string? Reason, DateTimeOffset RequestedAt, DateTimeOffset? TakenOverAt, DateTimeOffset? ReleasedAt);

public sealed record ExportedPrompt(string Kind, string DialogId, PromptStatus Status, DateTimeOffset DueAt, DateTimeOffset? SentAt);

/// <summary>A code sent to a number she asked to link to her web chat: the number and what became of it, never the code's hash.</summary>
public sealed record ExportedPhoneVerification(string Phone, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int WrongAttempts, DateTimeOffset? VerifiedAt);
