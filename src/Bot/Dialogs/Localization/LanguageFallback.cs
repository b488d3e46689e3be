namespace MentorBot.Bot.Dialogs.Localization;

/// <summary>The order languages are tried in: <c>pt-BR</c> → <c>pt</c> → base language.</summary>
public static class LanguageFallback
{
    public static IReadOnlyList<string> Chain(string language, string baseLanguage)
    {
        var chain = new List<string>();
        var tag = language.Trim().ToLowerInvariant().Replace('_', '-');
        while (tag.Length > 0)
        {
            chain.Add(tag);
            var cut = tag.LastIndexOf('-');
            tag = cut < 0 ? "" : tag[..cut];
        }
        if (!chain.Contains(baseLanguage)) chain.Add(baseLanguage);
        return chain;
    }
}
