namespace MentorBot.Bot.Coordinator.Assets;

/// <summary>
/// The console's stylesheet and scripts, served from /console/assets (the CSP allows styles and scripts
/// from the site only): console.css and surveys.js embedded in the app, and Chart.js's UMD bundle, which
/// the build copies from npm beside the app (chartjs/, see the Bot project file and src/Bot/ClientApp).
/// </summary>
public static class ConsoleAssets
{
    /// <summary>Where the build puts Chart.js's bundle.</summary>
    public static string ChartBundleFile => Path.Combine(AppContext.BaseDirectory, "chartjs", "chart.umd.js");

    public static void MapConsoleAssets(this IEndpointRouteBuilder app)
    {
        var css = Read("MentorBot.Bot.console.css");
        var surveys = Read("MentorBot.Bot.surveys.js");
        app.MapGet(ConsolePaths.Assets + "/console.css", () => Results.Text(css, "text/css; charset=utf-8"));
        app.MapGet(ConsolePaths.Assets + "/surveys.js", () => Results.Text(surveys, "text/javascript; charset=utf-8"));
        app.MapGet(ConsolePaths.Assets + "/chart.umd.js", () => File.Exists(ChartBundleFile)
            ? Results.File(ChartBundleFile, "text/javascript; charset=utf-8")
            : Results.NotFound("Chart.js's bundle was not built: run `npm ci --prefix src/Bot/ClientApp` and build again."));
    }

    static string Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
