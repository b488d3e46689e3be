using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace MentorBot.Tests.Infrastructure;

/// <summary>
/// The real MentorBot executable, started as its own process from the Bot project's build output with
/// the given options and environment: real Kestrel, real HTTP, real start-up and shutdown.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    readonly Process _process;
    readonly List<string> _lines = [];
    readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("Not listening.");

    /// <summary>Everything the process printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>The folder of the Bot's own build output (same configuration as the tests).</summary>
    public static string BotDirectory
    {
        get
        {
            var configuration = typeof(BotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryRoot, "src", "Bot", "bin", configuration, "net10.0");
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("MentorBot.sln not found above the test folder.");
        }
    }

    /// <summary>
    /// Starts MentorBot with <paramref name="arguments"/>. The environment is the test's, minus any
    /// MentorBot settings, in the "Testing" environment, plus <paramref name="environment"/>. With <paramref name="wrapper"/> the
    /// command line is prefixed (e.g. to start it in a new process group).
    /// </summary>
    public static BotProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, IEnumerable<string>? wrapper = null)
    {
        var command = (wrapper ?? []).Concat(["dotnet", Path.Combine(BotDirectory, "MentorBot.Bot.dll")]).ToList();
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = BotDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("EmbeddedDatabase__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        // Production shuts the doors a test opens (the simulator, the embedded database, a made-up Direct Line
        // secret): a test runs as "Testing" unless it asks for Production itself.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        process.Exited += (_, _) => bot._listening.TrySetException(new InvalidOperationException("MentorBot exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>
    /// Serves the web app on a free port of 127.0.0.1 and waits until it listens and /health says 200
    /// (the scheduler starts only once the app has started, so the first second can be a 503).
    /// </summary>
    public static async Task<BotProcess> ServeAsync(IReadOnlyDictionary<string, string?> environment, IEnumerable<string>? wrapper = null)
    {
        var bot = Start(["--urls", "http://127.0.0.1:0"], environment, wrapper);
        await bot.WaitUntilListeningAsync();
        await bot.WaitUntilHealthyAsync();
        return bot;
    }

    public async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync("/health");
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"MentorBot never became healthy: {last}\n{Output}");
    }

    public async Task WaitUntilListeningAsync()
    {
        try
        {
            await _listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"MentorBot did not start listening: {e.Message}\n{Output}", e);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"MentorBot did not exit within {timeout}.\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Signal(int signal) => Check(kill(_process.Id, signal));

    /// <summary>Sends a signal to every process in MentorBot's process group, as a terminal's Ctrl+C does.</summary>
    public void SignalGroup(int signal) => Check(kill(-getpgid(_process.Id), signal));

    void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"kill failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(SigTerm);
            try
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    [DllImport("libc", SetLastError = true)]
    static extern int getpgid(int pid);
}
