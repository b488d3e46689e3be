using MentorBot.Bot.PhoneLinking;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>What an action may use: the unit of work of this turn, the person, the dialog's values and arguments.</summary>
/// <param name="Values">The dialog's collected values (<c>answers.x</c>, <c>results.x</c>) plus what is known of her profile.</param>
public sealed record DialogActionContext(
    MentorBotDb Db,
    Participant Person,
    Conversation Conversation,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyDictionary<string, string> Values,
    DateTimeOffset Now,
    DialogLibrary Library)
{
    /// <summary>
    /// Set by an action that found her known twice (web chat and phone): the host merges the two at the
    /// end of the turn, after her dialog's state is saved, and carries on with the survivor.
    /// </summary>
    public ParticipantMergeRequest? Merge { get; set; }

    public string? Value(string name) => Values.GetValueOrDefault(name);

    public string Language => Person.PreferredLanguage;

    /// <summary>A text from locales/ in her language, with its placeholders filled.</summary>
    public string Text(string key, IReadOnlyDictionary<string, string>? arguments = null) =>
        Library.Catalog.Format(Language, key, arguments ?? new Dictionary<string, string>());
}
