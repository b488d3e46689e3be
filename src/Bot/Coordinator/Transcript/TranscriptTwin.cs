namespace MentorBot.Bot.Coordinator.Transcript;

/// <summary>
/// What the console shows beside one message, in the coordinator's language. All parts are optional: an older
/// row without a key, or one already in her language, has none and shows as it always did.
/// </summary>
/// <param name="Twin">A bot message (or ready-made reply) rendered again from its key and arguments in the console's language.</param>
/// <param name="Reading">Her reply to a question as the engine read it: "3 · Esbjerg/Varde", "Job, Network", "2026-12-05".</param>
/// <param name="Skipped">She skipped an optional question.</param>
/// <param name="FreeTextLanguage">Free text (hers, or a coordinator's own words): the language it was written in.</param>
/// <param name="MachineTranslation">Only when an admin has configured a translation provider: its translation, by <paramref name="TranslatedBy"/>.</param>
public sealed record TranscriptTwin(
    string? Twin = null,
    string? Reading = null,
    bool Skipped = false,
    string? FreeTextLanguage = null,
    string? MachineTranslation = null,
    string? TranslatedBy = null)
{
    public static TranscriptTwin None { get; } = new();
}
