namespace MentorBot.Data.Embedded;

/// <summary>Where the machine's PostgreSQL server programs (initdb, pg_ctl, postgres) are.</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string Psql => Path.Combine(Directory, "psql");

    public const string InstallHint =
        "MentorBot could not find PostgreSQL's server programs (initdb, pg_ctl). Either install them " +
        "(Debian/Ubuntu: apt-get install postgresql; they land in /usr/lib/postgresql/<version>/bin) " +
        "or point MentorBot at them with EmbeddedDatabase__BinDirectory, " +
        "or use an existing server by setting ConnectionStrings__MentorBot.";

    /// <summary>
    /// The configured folder, else the newest /usr/lib/postgresql/*/bin (Debian keeps the server
    /// programs off the PATH), else a folder on the PATH that has initdb; null if there is none.
    /// </summary>
    public static PostgresBinaries? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServer(configured) ? new PostgresBinaries(configured) : null;
        }

        var debian = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(HasServer)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (debian is not null)
        {
            return new PostgresBinaries(debian);
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServer);
        return onPath is null ? null : new PostgresBinaries(onPath);
    }

    static bool HasServer(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
