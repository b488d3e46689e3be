using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Data.Embedded;

/// <summary>
/// A private PostgreSQL server started from the machine's binaries, for the embedded default and for
/// throwaway test clusters. Layout of <see cref="Root"/>:
/// <c>data/</c> (the cluster, owned by the server's OS user), <c>run/</c> (socket and server log),
/// <c>pgpass</c> (the generated password, readable by us only), <c>mentorbot.lock</c> (one owner at a time).
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The database superuser initdb creates; not "postgres", so a leaked trust rule elsewhere doesn't apply.</summary>
    public const string UserName = "mentorbot";

    readonly EmbeddedPostgresOptions _options;
    readonly PostgresBinaries _binaries;
    readonly ILogger _logger;
    readonly string? _serverUser;
    FileStream? _lock;
    bool _running;

    EmbeddedPostgres(EmbeddedPostgresOptions options, PostgresBinaries binaries, ILogger logger)
    {
        _options = options;
        _binaries = binaries;
        _logger = logger;
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Directory) ? EmbeddedPostgresOptions.DefaultDirectory() : options.Directory);
        // initdb and postgres refuse to run as root: when we are root, the server runs as the postgres OS user.
        _serverUser = Environment.IsPrivilegedProcess ? "postgres" : null;
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    string RunDirectory => Path.Combine(Root, "run");

    public string PasswordFile => Path.Combine(Root, "pgpass");

    public string LogFile => Path.Combine(RunDirectory, "postgres.log");

    public int Port { get; private set; }

    public string ConnectionString { get; private set; } = "";

    /// <summary>How a person opens this database by hand.</summary>
    public string PsqlCommand =>
        $"PGPASSFILE={PasswordFile} {_binaries.Psql} -h 127.0.0.1 -p {Port} -U {UserName} {_options.Database}";

    /// <summary>Creates the cluster on first use, starts the server on 127.0.0.1, and creates the database.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find(options.BinDirectory)
            ?? throw new EmbeddedPostgresException(PostgresBinaries.InstallHint);
        var server = new EmbeddedPostgres(options, binaries, logger);
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        TakeLock();
        File.WriteAllText(Path.Combine(Root, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(RunDirectory);
        await GiveToServerUserAsync(RunDirectory, cancellationToken);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(cancellationToken);
        }
        else if (!File.Exists(PasswordFile))
        {
            throw new EmbeddedPostgresException($"The cluster in {DataDirectory} has no password file {PasswordFile}; it was not made by MentorBot. Choose another EmbeddedDatabase__Directory.");
        }

        await StopStaleServerAsync(cancellationToken);

        Port = _options.Port > 0 ? _options.Port : FreePort();
        var settings = $"-p {Port} -k {RunDirectory} -c listen_addresses=127.0.0.1";
        if (!_options.Durable)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        await RunAsServerAsync(_binaries.PgCtl, ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", settings], cancellationToken);
        _running = true;

        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = UserName,
            Password = ReadPassword(),
            Database = _options.Database,
        }.ConnectionString;
        await CreateDatabaseAsync(cancellationToken);
        _logger.LogInformation(
            "Embedded PostgreSQL is running on 127.0.0.1:{Port}, data in {DataDirectory}. Open it with: {PsqlCommand}",
            Port, DataDirectory, PsqlCommand);
    }

    void TakeLock()
    {
        try
        {
            // FileShare.None is an exclusive flock on Linux: a second MentorBot on the same folder fails here
            // instead of stopping the first one's server.
            _lock = new FileStream(Path.Combine(Root, "mentorbot.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new EmbeddedPostgresException(
                $"The embedded database in {Root} is in use by another MentorBot process. Stop it, choose another " +
                "EmbeddedDatabase__Directory, or let several nodes share one server through ConnectionStrings__MentorBot.");
        }
    }

    async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", DataDirectory);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true); // a half-made cluster from an interrupted initdb
        }

        Directory.CreateDirectory(DataDirectory);
        await GiveToServerUserAsync(DataDirectory, cancellationToken);

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('/', '_').Replace('+', '-');
        await File.WriteAllTextAsync(PasswordFile, $"127.0.0.1:*:*:{UserName}:{password}\n", cancellationToken);
        RestrictToOwner(PasswordFile);

        // initdb reads the password from a file, as the server's user; it lives only as long as initdb runs.
        var passwordForInitDb = Path.Combine(RunDirectory, "initdb.pw");
        await File.WriteAllTextAsync(passwordForInitDb, password, cancellationToken);
        RestrictToOwner(passwordForInitDb);
        await GiveToServerUserAsync(passwordForInitDb, cancellationToken);
        try
        {
            List<string> arguments = ["-D", DataDirectory, "-U", UserName, $"--pwfile={passwordForInitDb}", "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"];
            if (!_options.Durable)
            {
                arguments.Add("--no-sync");
            }

            await RunAsServerAsync(_binaries.InitDb, arguments, cancellationToken);
        }
        finally
        {
            File.Delete(passwordForInitDb);
        }
    }

    /// <summary>A server left running by a MentorBot that was killed (not stopped) would hold the data folder: stop it first.</summary>
    async Task StopStaleServerAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }

        try
        {
            await RunAsServerAsync(_binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken);
            _logger.LogWarning("Stopped a PostgreSQL server left running in {DataDirectory} by an earlier run", DataDirectory);
        }
        catch (EmbeddedPostgresException)
        {
            // No server was running: the pid file is stale and the server removes it itself at start.
        }
    }

    async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", _options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    string ReadPassword() => File.ReadAllText(PasswordFile).Trim().Split(':')[^1];

    Task RunAsServerAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ExternalProcess.RunAsync(program, arguments, _serverUser, cancellationToken);

    Task GiveToServerUserAsync(string path, CancellationToken cancellationToken) =>
        _serverUser is null
            ? Task.CompletedTask
            : ExternalProcess.RunAsync("chown", ["-R", $"{_serverUser}:{_serverUser}", path], null, cancellationToken);

    static void RestrictToOwner(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Deletes the throwaway clusters under <paramref name="parent"/> whose owner is gone (a test run that
    /// was killed): their lock file is free again. A postmaster they left running is stopped first.
    /// </summary>
    public static async Task RemoveAbandonedAsync(string parent, string? binDirectory, ILogger logger)
    {
        if (!Directory.Exists(parent) || PostgresBinaries.Find(binDirectory) is not { } binaries)
        {
            return;
        }

        var serverUser = Environment.IsPrivilegedProcess ? "postgres" : null;
        // Only folders that are cluster roots (they have a lock file): anything else there belongs to someone else.
        foreach (var root in Directory.GetDirectories(parent).Where(d => File.Exists(Path.Combine(d, "mentorbot.lock"))))
        {
            try
            {
                using (new FileStream(Path.Combine(root, "mentorbot.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    var data = Path.Combine(root, "data");
                    if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    {
                        await ExternalProcess.RunAsync(binaries.PgCtl, ["stop", "-D", data, "-m", "immediate", "-w"], serverUser, CancellationToken.None)
                            .ContinueWith(_ => { }, TaskScheduler.Default); // a stale pid file: nothing to stop
                    }
                }

                Directory.Delete(root, recursive: true);
                logger.LogInformation("Removed abandoned cluster {Root}", root);
            }
            catch (IOException)
            {
                // Still locked: its owner is alive (or another sweeper just removed it).
            }
        }
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended, data is safe). A throwaway cluster is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            _running = false;
            NpgsqlConnection.ClearAllPools();
            try
            {
                var mode = _options.Durable ? "fast" : "immediate";
                await RunAsServerAsync(_binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", "60"], CancellationToken.None);
                _logger.LogInformation("Embedded PostgreSQL stopped");
            }
            catch (EmbeddedPostgresException e)
            {
                // Ctrl+C in a terminal reaches the server too (same process group), and it shuts itself down;
                // pg_ctl then finds nothing to stop. Stopping must not throw while the app is exiting.
                if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                {
                    _logger.LogWarning(e, "Embedded PostgreSQL did not stop cleanly");
                }
            }
        }

        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }

        if (!_options.Durable && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
