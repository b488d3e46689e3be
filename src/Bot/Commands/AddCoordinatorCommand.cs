using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Commands;

/// <summary>
/// <c>add-coordinator --email E --role admin|coordinator [--branch CODE[,CODE…]] [--name N]</c>: creates a
/// console account, the password read from the environment variable MENTORBOT_PASSWORD (never from the
/// command line, where it would stay in the shell's history and the process list). Exit codes: 0 created,
/// 2 bad input (nothing written), 1 refused by the account rules or the database.
/// </summary>
public static class AddCoordinatorCommand
{
    public const string PasswordVariable = "MENTORBOT_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration options, string? password, TextWriter output, CancellationToken cancellationToken)
    {
        var email = options["email"]?.Trim();
        var role = options["role"]?.Trim().ToLowerInvariant();
        var branchCodes = (options["branch"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await output.WriteLineAsync("add-coordinator needs --email with an e-mail address. Usage: add-coordinator --email E --role admin|coordinator [--branch CODE]");
            return 2;
        }

        if (role is not ("admin" or "coordinator"))
        {
            await output.WriteLineAsync("add-coordinator needs --role admin or --role coordinator.");
            return 2;
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Set the password in the environment variable {PasswordVariable} (it is never taken from the command line).");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorBotDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Data.Model.Coordinator>>();
        var branches = await db.Branches.Where(b => branchCodes.Contains(b.Code)).ToListAsync(cancellationToken);
        var unknown = branchCodes.Except(branches.Select(b => b.Code)).ToList();
        if (unknown.Count > 0)
        {
            var known = await db.Branches.OrderBy(b => b.Code).Select(b => b.Code).ToListAsync(cancellationToken);
            await output.WriteLineAsync($"Unknown branch {string.Join(", ", unknown)}. Branches: {string.Join(", ", known)}.");
            return 2;
        }

        if (role == "coordinator" && branches.Count == 0)
        {
            await output.WriteLineAsync("A coordinator needs at least one --branch (an admin sees every branch).");
            return 2;
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            await output.WriteLineAsync("A coordinator with that e-mail exists already.");
            return 2;
        }

        var coordinator = new Data.Model.Coordinator
        {
            Email = email,
            DisplayName = options["name"]?.Trim() is { Length: > 0 } name ? name : email.Split('@')[0],
            Role = role == "admin" ? CoordinatorRole.Admin : CoordinatorRole.Coordinator,
            Language = options["language"] == "en" ? "en" : "da",
        };
        coordinator.Branches.AddRange(branches.Select(b => new CoordinatorBranch { CoordinatorId = coordinator.Id, BranchId = b.Id }));
        var result = await users.CreateAsync(coordinator, password);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("Not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        var where = branches.Count > 0 ? string.Join(", ", branches.Select(b => b.Code)) : "all branches";
        await output.WriteLineAsync($"Created {role} {coordinator.Id} ({where}).{(role == "admin" ? " Two-factor is required: the first login asks her to enrol an authenticator app." : "")}");
        return 0;
    }
}
