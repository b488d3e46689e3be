namespace MentorBot.Tests.Infrastructure;

/// <summary>Finds PostgreSQL server processes by their data folder, by reading /proc like ps does.</summary>
public static class PostgresProcesses
{
    public static IReadOnlyList<int> Serving(string dataDirectory) =>
        Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(pid => (Pid: int.Parse(pid!), CommandLine: ReadCommandLine(pid!)))
            .Where(p => p.CommandLine.Contains("postgres", StringComparison.Ordinal) && p.CommandLine.Contains($"-D\0{dataDirectory}\0", StringComparison.Ordinal))
            .Select(p => p.Pid)
            .ToList();

    static string ReadCommandLine(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return ""; // the process ended while we looked
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
