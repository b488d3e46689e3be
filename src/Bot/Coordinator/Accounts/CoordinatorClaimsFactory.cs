using System.Security.Claims;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>Identity's claims plus her role, console language and whether she has two-factor, read from her coordinator row.</summary>
public sealed class CoordinatorClaimsFactory(UserManager<Data.Model.Coordinator> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Data.Model.Coordinator>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Data.Model.Coordinator user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role == CoordinatorRole.Admin ? ConsoleClaims.AdminRole : ConsoleClaims.CoordinatorRole));
        identity.AddClaim(new Claim(ConsoleClaims.Language, user.Language));
        identity.AddClaim(new Claim(ConsoleClaims.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
