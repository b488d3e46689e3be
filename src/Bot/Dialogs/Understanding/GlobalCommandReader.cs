using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// Recognises HELP, LANGUAGE, STOP, START and MENU/RESTART in every supported language. Only a whole
/// reply counts ("stop" yes, "I can't stop working" no), so commands never swallow real answers.
/// Every language is checked, not only the person's: a STOP must work even when she is set to the
/// wrong language, and that is usually when she wants LANGUAGE.
/// </summary>
public static class GlobalCommandReader
{
    public static CommandReading? Read(string reply, LocaleCatalog catalog)
    {
        var words = TextNormalizer.Words(reply);
        if (words.Count == 0) return null;

        var commands = new PhraseFinder<GlobalCommand>();
        foreach (var (_, keywords) in catalog.AllOwnKeywords())
        {
            foreach (var (command, phrases) in keywords.Commands) commands.Add(command, phrases);
        }

        if (commands.TryMatchWhole(words, out var whole)) return new CommandReading(whole);

        // "language arabic", "sprog dansk", "لغة عربي": the command word first, then a language name.
        var first = commands.FindAll(words).FirstOrDefault();
        if (first is { Value: GlobalCommand.Language, Start: 0 })
        {
            var named = words.Skip(first.Length).ToList();
            var language = LanguageNameReader.Read(named, catalog);
            if (language is not null) return new CommandReading(GlobalCommand.Language, language, string.Join(' ', named));
        }
        return null;
    }
}
