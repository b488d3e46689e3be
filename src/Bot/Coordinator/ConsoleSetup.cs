using System.Threading.RateLimiting;
using MentorBot.Bot.Coordinator.Accounts;
using MentorBot.Bot.Coordinator.Assets;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Coordinator.TakeOver;
using MentorBot.Bot.Coordinator.Transcript;
using MentorBot.Data.Settings;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace MentorBot.Bot.Coordinator;

public static class ConsoleSetup
{
    public const string LoginRateLimit = "console-login";

    /// <summary>
    /// The coordinator console at <c>/console</c>: Razor Pages behind Identity's cookie, two-factor for
    /// admins, a rate-limited login, branch-scoped data and an audit row for every view of a person.
    /// </summary>
    public static void AddCoordinatorConsole(this WebApplicationBuilder builder)
    {
        builder.AddCoordinatorAccounts();
        var options = builder.AddValidatedOptions<ConsoleOptions>();
        var services = builder.Services;
        // Behind the TLS proxy every cookie is https-only (Always); SameAsRequest only where a plain-http port is normal.
        var secure = HttpsOnly(builder.Environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = secure);
        services.AddHttpContextAccessor();
        new IdentityBuilder(typeof(Data.Model.Coordinator), services).AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "MentorBot.Console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.LoginPath = ConsolePaths.Login;
            cookie.LogoutPath = ConsolePaths.Logout;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // A coordinator on an admin page: plain 403, no redirect to a page that does not exist.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
        });
        services.ConfigureAll<CookieAuthenticationOptions>(cookie => cookie.Cookie.SecurePolicy = secure); // Identity's other cookies too
        // Her security stamp is checked on every request (one read of her row): disabling her, resetting her
        // two-factor or a new password ends her open sessions at their very next request, and a changed role
        // or branch list counts at once. The default, every 30 minutes, left a disabled account in for that long.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleClaims.ConsolePolicy, policy => policy.RequireAuthenticatedUser().AddAuthenticationSchemes(IdentityConstants.ApplicationScheme))
            .AddPolicy(ConsoleClaims.AdminPolicy, policy => policy.RequireRole(ConsoleClaims.AdminRole).AddAuthenticationSchemes(IdentityConstants.ApplicationScheme));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only login attempts count (a POST), per client address (the real one: behind a trusted proxy
            // UseEdge has put the client's address in RemoteIpAddress); reading the form is free.
            limiter.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Coordinator/Pages";
            pages.Conventions.AuthorizeFolder("/", ConsoleClaims.ConsolePolicy);
            pages.Conventions.AllowAnonymousToPage("/Login");
            pages.Conventions.AllowAnonymousToPage("/LoginTwoFactor");
            pages.Conventions.AllowAnonymousToPage("/LoginRecovery");
            pages.Conventions.AllowAnonymousToPage("/Setup");
            pages.Conventions.AuthorizePage("/Audit", ConsoleClaims.AdminPolicy);
            pages.Conventions.AuthorizePage("/Accounts", ConsoleClaims.AdminPolicy);
            pages.Conventions.AuthorizePage("/Account", ConsoleClaims.AdminPolicy);
        });
        services.AddSingleton<ConsoleTexts>();
        services.AddScoped<ConsoleText>();
        services.AddScoped<ConsoleAccessReader>();
        services.AddScoped<ConsoleAudit>();
        services.AddScoped<TakeOverService>();
        services.AddScoped<SetupLinks>();
        services.AddScoped<CoordinatorAdministration>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddSingleton<ReadyReplies>();
        services.AddBilingualTranscripts();
    }

    /// <summary>Everywhere but Development and Testing the console is https-only: its cookies, and every request to it.</summary>
    static bool HttpsOnly(IHostEnvironment environment) => !environment.IsDevelopment() && !environment.IsEnvironment("Testing");

    public static void MapCoordinatorConsole(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ConsolePaths.Root), console => console.UseMiddleware<ConsoleSecurityHeaders>());
        if (HttpsOnly(app.Environment))
        {
            // The cookies are https-only here (see AddCoordinatorConsole): plain http is refused, not answered with 500.
            app.UseWhen(context => context.Request.Path.StartsWithSegments(ConsolePaths.Root), console => console.UseMiddleware<ConsoleHttpsRequirement>());
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ConsolePaths.Root), console => console.UseMiddleware<AdminTwoFactorRequirement>());
        app.MapRazorPages();
        app.MapConsoleAssets();
    }
}
