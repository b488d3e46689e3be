using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Data;

/// <summary>
/// The EF Core model of MentorBot's PostgreSQL schema. The schema itself is owned by the SQL files in
/// Migrations/; this model must map onto it (a test writes and reads back every entity).
/// </summary>
public sealed class MentorBotDb(DbContextOptions<MentorBotDb> options) : DbContext(options)
{
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<DialogSession> DialogSessions => Set<DialogSession>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<MatchStatusChange> MatchStatusChanges => Set<MatchStatusChange>();
    public DbSet<BlockedPair> BlockedPairs => Set<BlockedPair>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingReport> MeetingReports => Set<MeetingReport>();
    public DbSet<SurveyDefinition> SurveyDefinitions => Set<SurveyDefinition>();
    public DbSet<SurveyInstance> SurveyInstances => Set<SurveyInstance>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<Coordinator> Coordinators => Set<Coordinator>();
    public DbSet<CoordinatorBranch> CoordinatorBranches => Set<CoordinatorBranch>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<ScheduledPrompt> ScheduledPrompts => Set<ScheduledPrompt>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<DirectLineActivity> DirectLineActivities => Set<DirectLineActivity>();
    public DbSet<TwilioSenderSlot> TwilioSenderSlots => Set<TwilioSenderSlot>();
    public DbSet<OutboxNode> OutboxNodes => Set<OutboxNode>();
    public DbSet<PhoneVerification> PhoneVerifications => Set<PhoneVerification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CoordinatorRecoveryCode> CoordinatorRecoveryCodes => Set<CoordinatorRecoveryCode>();
    public DbSet<CoordinatorSetupLink> CoordinatorSetupLinks => Set<CoordinatorSetupLink>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MentorBotDb).Assembly);
        SnakeCaseConventions.Apply(modelBuilder);
    }
}
