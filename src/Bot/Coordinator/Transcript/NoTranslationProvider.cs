namespace MentorBot.Bot.Coordinator.Transcript;

/// <summary>The default: nothing is translated and nothing is sent anywhere.</summary>
public sealed class NoTranslationProvider : ITranslationProvider
{
    public bool Enabled => false;

    public string Name => "none";

    public Task<string?> TranslateAsync(string text, string? fromLanguage, string toLanguage, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
