using System.Diagnostics;
using System.Text.Json;

namespace MentorBot.Tests.Infrastructure;

/// <summary>
/// Runs a script in tests/node with the vendors' own npm libraries (installed by scripts/test), so our
/// protocol code is checked against the real clients, not against our own reading of the spec.
/// </summary>
public static class NodeOracle
{
    public static string Folder => Path.Combine(BotProcess.RepositoryRoot, "tests", "node");

    public static async Task<JsonElement> RunAsync(string script, object input)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            throw new InvalidOperationException($"{Folder}/node_modules is missing: run ./scripts/test (or npm ci --prefix tests/node) first.");
        }

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed: {error}");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
