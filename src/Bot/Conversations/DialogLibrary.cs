using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// Every dialog and every locale text, loaded once at startup. A broken file stops startup with a
/// message naming the file and the step, so a typo never reaches a participant.
/// </summary>
public sealed class DialogLibrary
{
    public DialogLibrary(IReadOnlyDictionary<string, DialogDefinition> dialogs, LocaleCatalog catalog, DialogLibraryOptions options)
    {
        Dialogs = dialogs;
        Catalog = catalog;
        Options = options;
    }

    public IReadOnlyDictionary<string, DialogDefinition> Dialogs { get; }

    public LocaleCatalog Catalog { get; }

    public DialogLibraryOptions Options { get; }

    public DialogDefinition Get(string dialogId) =>
        Dialogs.TryGetValue(dialogId, out var dialog)
            ? dialog
            : throw new InvalidOperationException($"No dialog '{dialogId}' in the dialogs folder.");

    public static DialogLibrary Load(DialogLibraryOptions options)
    {
        var dialogs = DialogDefinitionLoader.LoadDirectory(Resolve(options.Directory, "dialogs"));
        var catalog = LocaleCatalogLoader.Load(Resolve(options.LocalesDirectory, "locales"));
        return new DialogLibrary(dialogs, catalog, options);
    }

    /// <summary>The configured folder, else the copy beside the app, else the repository's (running from a source checkout).</summary>
    static string Resolve(string? configured, string name)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, name);
        return System.IO.Directory.Exists(beside)
            ? beside
            : throw new DirectoryNotFoundException($"No {name} folder beside the app ({beside}); set Dialogs__{(name == "dialogs" ? "Directory" : "LocalesDirectory")}.");
    }
}
