using MentorBot.Data.Model;
using MentorBot.Data.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;

namespace MentorBot.Bot.Coordinator.Accounts;

public static class CoordinatorAccountsSetup
{
    /// <summary>
    /// ASP.NET Core Identity over the coordinators table: password hashing, lockout and TOTP authenticator
    /// tokens; keys for cookies in PostgreSQL. Used by the console and by the add-coordinator command.
    /// </summary>
    public static void AddCoordinatorAccounts(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<ConsoleOptions>();
        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("MentorBot");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory, TimeProvider>((keys, scopes, clock) => keys.XmlRepository = new DatabaseKeyRepository(scopes, clock));
        services.AddIdentityCore<Data.Model.Coordinator>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = options.MinPasswordLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedLogins;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
            })
            .AddUserStore<CoordinatorUserStore>()
            .AddClaimsPrincipalFactory<CoordinatorClaimsFactory>()
            .AddTokenProvider<AuthenticatorTokenProvider<Data.Model.Coordinator>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
