using System.Globalization;

namespace MentorBot.Bench.WebChatLoad;

/// <summary>The server's resident memory in MB, from /proc (Linux), or "-" without a pid.</summary>
static class ServerMemory
{
    public static string Read(int? pid)
    {
        if (pid is null)
        {
            return "-";
        }

        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (kilobytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
    }
}
