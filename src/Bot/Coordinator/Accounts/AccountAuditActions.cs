namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>The audit actions of console accounts (subject kind <c>coordinator</c>, subject her id): one catalog, so the docs and the tests name the same strings.</summary>
public static class AccountAuditActions
{
    public const string Created = "coordinator.created";
    public const string SetupLinkIssued = "coordinator.setup_link_issued";
    public const string SetupLinkUsed = "coordinator.setup_link_used";
    public const string RoleAndBranchesChanged = "coordinator.access_changed";
    public const string Disabled = "coordinator.disabled";
    public const string Enabled = "coordinator.enabled";
    public const string TwoFactorReset = "coordinator.two_factor_reset";
    public const string TwoFactorEnabled = "coordinator.two_factor_enabled";
    public const string RecoveryCodesGenerated = "coordinator.recovery_codes_generated";
    public const string RecoveryCodeUsed = "coordinator.recovery_code_used";
}
