using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Data.Embedded;

/// <summary>Configuration section <c>EmbeddedDatabase</c>: the private PostgreSQL used when no connection string is set.</summary>
public sealed class EmbeddedPostgresOptions : IOptionsSection
{
    public static string Section => "EmbeddedDatabase";

    /// <summary>Folder that holds the cluster; it survives restarts. Default: see <see cref="DefaultDirectory"/>.</summary>
    public string? Directory { get; set; }

    /// <summary>Folder with initdb and pg_ctl; found automatically when empty.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one at every start.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    [Required]
    public string Database { get; set; } = "mentorbot";

    /// <summary>
    /// False for throwaway test clusters: no fsync, and the folder is deleted on stop. Never false for
    /// real data — a power cut would corrupt it.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>
    /// /var/lib/mentorbot/postgres when running as root (root's home is closed to the postgres user that
    /// must run the server), otherwise $XDG_DATA_HOME/mentorbot/postgres or ~/.local/share/mentorbot/postgres.
    /// </summary>
    public static string DefaultDirectory()
    {
        if (Environment.IsPrivilegedProcess)
        {
            return "/var/lib/mentorbot/postgres";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "mentorbot", "postgres");
    }
}
