using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot.Bot.Coordinator.Transcript;

public static class TranscriptSetup
{
    /// <summary>
    /// The bilingual transcript, with no translation provider: an admin's own <see cref="ITranslationProvider"/>,
    /// registered before or after this call, wins, and only then does free text leave the server.
    /// </summary>
    public static IServiceCollection AddBilingualTranscripts(this IServiceCollection services)
    {
        services.TryAddSingleton<ITranslationProvider, NoTranslationProvider>();
        services.AddScoped<BilingualTranscript>();
        return services;
    }
}
