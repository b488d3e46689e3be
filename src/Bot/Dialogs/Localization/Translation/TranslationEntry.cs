namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>One text to translate: its key, the base text, her language's text (null when missing) and where it is used.</summary>
public sealed record TranslationEntry(string Key, string Source, string? Translation, TranslationState State, IReadOnlyList<string> UsedIn);

public enum TranslationState
{
    Translated,
    Missing,

    /// <summary>The base text changed after the translation was made.</summary>
    Outdated,
}
