namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// A message to the person, channel-neutral: a key and arguments, not text. Renderers turn it into
/// an SMS or a Web Chat activity in <see cref="Language"/>.
/// </summary>
/// <param name="CanSkip">The question is optional; renderers add the skip hint.</param>
/// <param name="WrittenIn">
/// When set, the body is written in each of these languages, one line each (the language question to
/// someone whose language is not known yet); <see cref="Language"/> is the first of them.
/// </param>
public sealed record OutboundMessage(
    string Language,
    string Key,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyList<ChoiceOption> Choices,
    bool CanSkip = false,
    IReadOnlyList<string>? WrittenIn = null)
{
    public static OutboundMessage Plain(string language, string key) => new(language, key, new Dictionary<string, string>(), []);
}
