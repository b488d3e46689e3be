using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MentorBot.Bot.Hosting;
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
        var dataProtection = services.AddDataProtection().SetApplicationName("MentorBot");
        builder.ProtectKeyRing(dataProtection);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory, TimeProvider>((keys, scopes, clock) => keys.XmlRepository = new DatabaseKeyRepository(scopes, clock));
        services.AddSingleton<AuthenticatorKeyProtection>();
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

    /// <summary>
    /// Encrypts the key ring with <c>DataProtection__CertificatePath</c>'s certificate; without one, warns once at
    /// start (outside Development) that the keys that sign console sessions lie in the database unencrypted.
    /// </summary>
    static void ProtectKeyRing(this WebApplicationBuilder builder, IDataProtectionBuilder dataProtection)
    {
        var options = builder.AddValidatedOptions<KeyRingOptions>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!builder.Environment.IsDevelopment())
            {
                using var loggers = builder.CreateStartupLoggers();
                loggers.CreateLogger(typeof(KeyRingOptions)).LogWarning(
                    "DataProtection__CertificatePath is not set: the data-protection keys that sign console sessions are stored unencrypted in the database. Set it to a .pfx certificate (docs/deployment.md)");
            }

            return;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath.Trim(), string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"DataProtection__CertificatePath could not be read as a .pfx certificate with its password: {e.Message.Split('\n')[0].Trim()}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new StartupException("DataProtection__CertificatePath must hold the certificate's private key (a .pfx file), or the key ring could not be read back.",
                new InvalidOperationException("no private key"));
        }

        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
