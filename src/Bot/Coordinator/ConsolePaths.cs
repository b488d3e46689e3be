namespace MentorBot.Bot.Coordinator;

/// <summary>The console's fixed addresses. Pages take ids in their paths, never names or phone numbers.</summary>
public static class ConsolePaths
{
    public const string Root = "/console";
    public const string Login = "/console/login";
    public const string LoginTwoFactor = "/console/login/two-factor";
    public const string LoginRecovery = "/console/login/recovery";

    /// <summary>A setup link's page: <c>/console/setup/{token}</c>, open to anyone holding the token.</summary>
    public const string Setup = "/console/setup";

    /// <summary>The admins' page of console accounts.</summary>
    public const string Accounts = "/console/accounts";
    public const string Logout = "/console/logout";
    public const string TwoFactorSetup = "/console/account/two-factor";
    public const string Assets = "/console/assets";

    /// <summary>Hangfire's dashboard, for admins only.</summary>
    public const string Jobs = "/console/jobs";
}
