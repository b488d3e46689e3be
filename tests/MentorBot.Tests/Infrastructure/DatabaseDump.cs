using System.Diagnostics;
using System.Text;
using MentorBot.Data.Embedded;
using Npgsql;

namespace MentorBot.Tests.Infrastructure;

/// <summary>A full plain-SQL <c>pg_dump</c> of a test database (schema and every row of every table), by the pg_dump beside initdb.</summary>
public static class DatabaseDump
{
    public static async Task<string> FullAsync(string connectionString)
    {
        var binaries = PostgresBinaries.Find(null) ?? throw new InvalidOperationException(PostgresBinaries.InstallHint);
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(binaries.Directory, "pg_dump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--host", target.Host!, "--port", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", target.Username!, "--no-password", "--encoding", "UTF8", target.Database! })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = target.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await errors}");
        return await output;
    }
}
