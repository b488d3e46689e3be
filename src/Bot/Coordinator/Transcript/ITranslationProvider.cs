namespace MentorBot.Bot.Coordinator.Transcript;

/// <summary>
/// A machine translation service for the free text in a transcript (her name, a note, a question to the
/// coordinator), plugged in by an admin who has agreed its terms: the console shows its translation beside her
/// words, marked as a machine's. Off by default (<see cref="NoTranslationProvider"/>): no text leaves the server
/// unless a provider is registered (see docs/console.md). Bot messages never need one: they are rendered again
/// from their keys.
/// </summary>
public interface ITranslationProvider
{
    /// <summary>False: the console asks nothing and shows no translations.</summary>
    bool Enabled { get; }

    /// <summary>The provider's name, shown beside each translation so nobody takes it for the participant's words.</summary>
    string Name { get; }

    /// <summary><paramref name="text"/> in <paramref name="toLanguage"/>, or null when it can't (it must not throw for that).</summary>
    /// <param name="fromLanguage">The language she was using, when known; null lets the provider detect it.</param>
    Task<string?> TranslateAsync(string text, string? fromLanguage, string toLanguage, CancellationToken cancellationToken);
}
