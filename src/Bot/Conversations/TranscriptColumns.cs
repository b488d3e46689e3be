using System.Text.Json;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// What a message row keeps of how it was made (migration 0013): a bot message's key, arguments and options,
/// from which the console renders it again in the coordinator's language; her reply's reading. Written where the
/// rows are written (the outbox, web chat, the HELP answer, the turn that read her reply), read by the console.
/// </summary>
public static class TranscriptColumns
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The options, skip hint and languages shown with a key: only written when there is one of them.</summary>
    sealed record Layout(IReadOnlyList<ChoiceOption> Choices, bool CanSkip, IReadOnlyList<string>? WrittenIn);

    public static void WriteSource(Message row, OutboundMessage message)
    {
        row.MessageKey = message.Key;
        row.MessageArgs = message.Arguments.Count == 0 ? null : JsonSerializer.Serialize(message.Arguments, Json);
        row.MessageOptions = message.Choices.Count == 0 && !message.CanSkip && message.WrittenIn is not { Count: > 0 }
            ? null
            : JsonSerializer.Serialize(new Layout(message.Choices, message.CanSkip, message.WrittenIn), Json);
    }

    /// <summary>The message the row was rendered from, now in <paramref name="language"/>; null for a row without a key (older rows, free text).</summary>
    public static OutboundMessage? ReadSource(Message row, string language)
    {
        if (row.MessageKey is not { } key)
        {
            return null;
        }

        var arguments = row.MessageArgs is { } args ? JsonSerializer.Deserialize<Dictionary<string, string>>(args, Json)! : new Dictionary<string, string>();
        var layout = row.MessageOptions is { } options ? JsonSerializer.Deserialize<Layout>(options, Json)! : new Layout([], false, null);
        // Written in several languages (the first language question): the coordinator's twin is one line, in hers.
        return new OutboundMessage(language, key, arguments, layout.Choices, layout.CanSkip);
    }

    public static void WriteReading(Message row, AnswerMeaning meaning) => row.AnswerReading = JsonSerializer.Serialize(meaning, Json);

    public static AnswerMeaning? ReadReading(Message row) =>
        row.AnswerReading is { } reading ? JsonSerializer.Deserialize<AnswerMeaning>(reading, Json) : null;
}
