using System.Diagnostics;

namespace MentorBot.Data.Embedded;

/// <summary>Runs a PostgreSQL tool to completion, optionally as another OS user, and fails with its output.</summary>
static class ExternalProcess
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string? asUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A fixed, readable working directory: the caller's may be a folder the postgres user can't enter.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (asUser is not null)
        {
            start.UserName = asUser;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = (await output + await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new EmbeddedPostgresException($"{Path.GetFileName(file)} {string.Join(' ', start.ArgumentList)} failed (exit {process.ExitCode}): {text}");
        }

        return text;
    }
}
