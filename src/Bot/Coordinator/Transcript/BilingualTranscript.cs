using MentorBot.Bot.Conversations;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Bot.Privacy;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Coordinator.Transcript;

/// <summary>
/// Her transcript in the coordinator's language beside her own: each bot message rendered again from its stored key
/// and arguments (never translated), each reply to a question with the reading the engine stored when it read it
/// (no reader runs here), free text marked with its language. Free text is only translated by a provider an admin
/// has plugged in (<see cref="ITranslationProvider"/>); by default nothing leaves the server.
/// </summary>
public sealed class BilingualTranscript(DialogLibrary library, ITranslationProvider translation)
{
    readonly LocaleCatalog _catalog = library.Catalog;

    public async Task<IReadOnlyDictionary<Guid, TranscriptTwin>> ReadAsync(IEnumerable<Message> messages, string consoleLanguage, CancellationToken cancellationToken)
    {
        var twins = new Dictionary<Guid, TranscriptTwin>();
        foreach (var message in messages.Where(m => m.Text is not (PersonErasure.ErasedText or RetentionSweep.DeletedText)))
        {
            var twin = new TranscriptTwin(
                Twin: message.Language == consoleLanguage ? null : TwinOf(message, consoleLanguage),
                Reading: ReadingOf(message, consoleLanguage),
                Skipped: TranscriptColumns.ReadReading(message)?.Skipped ?? false,
                FreeTextLanguage: FreeTextLanguage(message));
            if (translation.Enabled && twin.FreeTextLanguage is { } from && from != consoleLanguage)
            {
                twin = twin with
                {
                    MachineTranslation = await translation.TranslateAsync(message.Text, from, consoleLanguage, cancellationToken),
                    TranslatedBy = translation.Name,
                };
            }

            if (twin != TranscriptTwin.None)
            {
                twins[message.Id] = twin;
            }
        }

        return twins;
    }

    /// <summary>The same key and arguments in the console's language; null when the row has no key or the key is gone from the locales.</summary>
    string? TwinOf(Message message, string language)
    {
        if (TranscriptColumns.ReadSource(message, language) is not { } source)
        {
            return null;
        }

        try
        {
            return MessageText.Full(source, _catalog);
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException)
        {
            return null; // a key renamed or a placeholder changed since it was sent: her text alone, as on older rows
        }
    }

    /// <summary>"3 · Esbjerg/Varde" for one option picked, the labels for several, else the stored value (a number, a date).</summary>
    string? ReadingOf(Message message, string language)
    {
        if (TranscriptColumns.ReadReading(message) is not { Skipped: false } meaning)
        {
            return null;
        }

        return meaning.Options switch
        {
            [var one] => $"{one.Number} · {Label(one, language)}",
            { Count: > 1 } several => string.Join(", ", several.Select(option => Label(option, language))),
            _ => meaning.Value,
        };
    }

    string Label(ChoiceOption option, string language) =>
        _catalog.TryText(option.LabelLanguage ?? language, option.LabelKey) ?? option.Value;

    /// <summary>Her answer to a free-text question, her message to the coordinator, a coordinator's own words: the language it was written in.</summary>
    static string? FreeTextLanguage(Message message) => message switch
    {
        { Direction: MessageDirection.Inbound, QuestionKind: "ask_text" or null, NotUnderstood: false } => message.Language,
        { Author: MessageAuthor.Coordinator, MessageKey: null } => message.Language,
        _ => null,
    };
}
