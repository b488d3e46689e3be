using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>Every base-language key with her language's text and its state, in the base files' order.</summary>
public static class TranslationSet
{
    public static IReadOnlyList<TranslationEntry> For(LocaleFolders folders, LocaleCatalog catalog, string language)
    {
        var baseTexts = catalog.OwnTexts(catalog.BaseLanguage);
        var own = catalog.OwnTexts(language);
        var hashes = SourceHashes.Read(folders.Language(language));
        var usedIn = UsedIn(folders, catalog);
        return folders.FilesOfKeys(catalog.BaseLanguage).Keys
            .Where(baseTexts.ContainsKey)
            .Select(key =>
            {
                var source = baseTexts[key];
                var translation = own.GetValueOrDefault(key);
                var state = translation is null ? TranslationState.Missing
                    : hashes.TryGetValue(key, out var hash) && hash != SourceHashes.Of(source) ? TranslationState.Outdated
                    : TranslationState.Translated;
                return new TranslationEntry(key, source, translation, state, usedIn.GetValueOrDefault(key) ?? []);
            })
            .ToList();
    }

    /// <summary>Key → <c>dialogs/&lt;id&gt;.yaml:&lt;step&gt;</c> for each step that says it (prompt, message, retry, option labels).</summary>
    static Dictionary<string, List<string>> UsedIn(LocaleFolders folders, LocaleCatalog catalog)
    {
        var used = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(folders.Dialogs)) return used;
        foreach (var dialog in DialogDefinitionLoader.LoadDirectory(folders.Dialogs).Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var step in dialog.Steps)
            {
                var keys = new List<string?> { step.Prompt, step.Message, step.Retry };
                if (step.Prompt is not null)
                {
                    keys.AddRange(step.Choices.Select(choice => LabelKeys.Choice(catalog, step.Prompt, choice)));
                }

                foreach (var key in keys.OfType<string>().Distinct())
                {
                    if (!used.TryGetValue(key, out var places)) used[key] = places = [];
                    places.Add($"dialogs/{dialog.Id}.yaml:{step.Id}");
                }
            }
        }
        return used;
    }
}
