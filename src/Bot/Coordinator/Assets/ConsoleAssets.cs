namespace MentorBot.Bot.Coordinator.Assets;

/// <summary>The console's stylesheet, embedded in the app and served from /console/assets (the CSP allows styles from the site only).</summary>
public static class ConsoleAssets
{
    public static void MapConsoleAssets(this IEndpointRouteBuilder app)
    {
        var css = Read("MentorBot.Bot.console.css");
        app.MapGet(ConsolePaths.Assets + "/console.css", () => Results.Text(css, "text/css; charset=utf-8"));
    }

    static string Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
