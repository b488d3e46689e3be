namespace MentorBot.Bot.Dialogs.Localization;

// Shapes of the locale files as written. See locales/README.md for the format.

internal sealed class LanguagesFileYaml
{
    public string? Base { get; set; }
    public List<string>? Languages { get; set; }
    public List<string>? RightToLeft { get; set; }
}

internal sealed class KeywordsFileYaml
{
    public List<string>? Yes { get; set; }
    public List<string>? No { get; set; }
    public List<string>? Skip { get; set; }
    public List<string>? ListJoiners { get; set; }
    public List<string>? Today { get; set; }
    public List<string>? Tomorrow { get; set; }
    public List<string>? LanguageNames { get; set; }
    public List<string>? Greetings { get; set; }
    public Dictionary<string, List<string>>? Commands { get; set; }
    public Dictionary<string, List<string>>? Weekdays { get; set; }
    public Dictionary<int, List<string>>? Numbers { get; set; }
    public Dictionary<string, List<string>>? Choices { get; set; }
}
