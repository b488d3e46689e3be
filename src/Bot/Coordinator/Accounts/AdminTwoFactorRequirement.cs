namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// An admin without an authenticator app is sent to enrol one before any other console page: admins see
/// every branch, so a password alone is not enough for them.
/// </summary>
public sealed class AdminTwoFactorRequirement(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments(ConsolePaths.TwoFactorSetup) || path.StartsWithSegments(ConsolePaths.Logout)
            || path.StartsWithSegments(ConsolePaths.Login) || path.StartsWithSegments(ConsolePaths.Assets) || path.StartsWithSegments(ConsolePaths.Setup);
        if (!exempt && user.Identity?.IsAuthenticated == true && user.IsInRole(ConsoleClaims.AdminRole)
            && user.FindFirst(ConsoleClaims.TwoFactor)?.Value != "true")
        {
            context.Response.Redirect(ConsolePaths.TwoFactorSetup);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
