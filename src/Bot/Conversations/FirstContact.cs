using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// What the host tells the first-contact dialog (<c>dialogs/welcome.yaml</c>) about the language of someone
/// it does not know yet, and when a later message of hers may still correct that guess.
/// </summary>
public static class FirstContact
{
    /// <summary><c>sure</c>, <c>several</c> or <c>none</c>: which way the welcome dialog opens.</summary>
    public const string GuessValue = "answers.language_guess";

    /// <summary>The languages offered first and asked in (<c>ar,fa,ur</c>); the guessed one when sure.</summary>
    public const string GuessedLanguages = "answers.guessed_languages";

    /// <summary>
    /// The values the welcome dialog starts with. Nothing placed her: the menu is asked in the country's
    /// language (hers until she says otherwise) and the base language, never in Danish alone.
    /// </summary>
    public static Dictionary<string, string> Values(LanguageGuess guess, string currentLanguage, LocaleCatalog catalog)
    {
        var (kind, languages) = guess switch
        {
            { IsSure: true } => ("sure", guess.Languages),
            { IsNone: true } => ("none", (IReadOnlyList<string>)[.. new[] { currentLanguage, catalog.BaseLanguage }.Distinct()]),
            _ => ("several", guess.Languages),
        };
        return new Dictionary<string, string> { [GuessValue] = kind, [GuessedLanguages] = string.Join(',', languages) };
    }

    /// <summary>
    /// She is still at the first question of the welcome and has answered nothing (she has not chosen a
    /// language either): a message that was not understood may tell her language better than the guess.
    /// </summary>
    public static bool IsStillOpen(DialogState state, string firstContactDialog) =>
        state.DialogId == firstContactDialog && state.Values.Keys.All(key => key is GuessValue or GuessedLanguages);

    /// <summary>The new guess says something the dialog was not started with (so starting again helps her).</summary>
    public static bool Changes(LanguageGuess guess, DialogState state, string currentLanguage)
    {
        if (guess.IsNone) return false;
        var before = state.Values.GetValueOrDefault(GuessedLanguages) ?? "";
        var sureBefore = state.Values.GetValueOrDefault(GuessValue) == "sure";
        return guess.IsSure
            ? !(sureBefore && guess.Language == currentLanguage)
            : string.Join(',', guess.Languages) != before;
    }
}
