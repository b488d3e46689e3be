using MentorBot.Bot.Conversations;
using MentorBot.Bot.Dialogs;

namespace MentorBot.Bot.Coordinator.TakeOver;

/// <summary>
/// The ready-made replies the console offers a coordinator who has taken her over (locales/&lt;lang&gt;/coordinator_replies.yaml):
/// each as it will be sent, in her language, and as a preview in the coordinator's.
/// </summary>
public sealed class ReadyReplies(DialogLibrary library)
{
    public sealed record Choice(string Key, string Text, string Language, bool RightToLeft, string Preview);

    public static bool Has(string key) => HostKeys.CoordinatorReplies.InOrder.Contains(key, StringComparer.Ordinal);

    public IReadOnlyList<Choice> For(string herLanguage, string consoleLanguage) =>
        HostKeys.CoordinatorReplies.InOrder
            .Select(key => new Choice(key, library.Catalog.Text(herLanguage, key), herLanguage, library.Catalog.IsRightToLeft(herLanguage),
                library.Catalog.Text(consoleLanguage, key)))
            .ToList();

    /// <summary>The languages a coordinator can say her free text is in: the ones the bot speaks, each by its own name.</summary>
    public IReadOnlyList<(string Code, string Name)> Languages() =>
        library.Catalog.SupportedLanguages.Select(code => (code, library.Catalog.Text(code, "language.name"))).ToList();
}
