namespace MentorBot.Bot.Coordinator;

/// <summary>The console's fixed addresses. Pages take ids in their paths, never names or phone numbers.</summary>
public static class ConsolePaths
{
    public const string Root = "/console";
    public const string Login = "/console/login";
    public const string LoginTwoFactor = "/console/login/two-factor";
    public const string Logout = "/console/logout";
    public const string TwoFactorSetup = "/console/account/two-factor";
    public const string Assets = "/console/assets";

    /// <summary>Hangfire's dashboard, for admins only.</summary>
    public const string Jobs = "/console/jobs";
}
