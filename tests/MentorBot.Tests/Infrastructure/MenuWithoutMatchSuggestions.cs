namespace MentorBot.Tests.Infrastructure;

/// <summary>
/// TEMPORARY, remove when dialogs/match_suggestions.yaml lands (branch dialogs-b): dialogs/menu.yaml hands
/// over to match_suggestions, which this branch does not have yet, so an app that loads the dialogs
/// refuses to start. Until then the app under test gets every real dialog except the menu, with help as its
/// menu. Does nothing once the file exists.
/// </summary>
public static class MenuWithoutMatchSuggestions
{
    static readonly Lazy<string?> Folder = new(Prepare);

    public static void Apply(IDictionary<string, string> environment)
    {
        if (environment.ContainsKey("Dialogs__Directory") || Folder.Value is not { } folder)
        {
            return;
        }

        environment["Dialogs__Directory"] = folder;
        environment["Dialogs__MenuDialog"] = "help";
    }

    static string? Prepare()
    {
        var dialogs = Path.Combine(BotProcess.RepositoryRoot, "dialogs");
        if (File.Exists(Path.Combine(dialogs, "match_suggestions.yaml")))
        {
            return null;
        }

        var folder = PostgresFixture.NewFolder("dialogs");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(dialogs, "*.yaml").Where(f => Path.GetFileName(f) != "menu.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
