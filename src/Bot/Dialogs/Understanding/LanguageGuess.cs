namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// Which languages a first message may be written in, most likely first: one (she is answered in it), a
/// few (Arabic script: ar, fa, ur; she is asked which, those offered first), or none (the whole menu).
/// </summary>
public sealed record LanguageGuess(IReadOnlyList<string> Languages)
{
    public static LanguageGuess None { get; } = new([]);

    public static LanguageGuess Sure(string language) => new([language]);

    public bool IsSure => Languages.Count == 1;

    public bool IsNone => Languages.Count == 0;

    /// <summary>The one language, when sure.</summary>
    public string? Language => IsSure ? Languages[0] : null;
}
