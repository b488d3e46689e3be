using MentorBot.Bot.Conversations;
using MentorBot.Bot.Coordinator.Transcript;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Privacy;
using MentorBot.Data.Model;
using MentorBot.Tests.Conversations;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// What the console shows beside each stored row, row by row (the whole page is <see cref="BilingualTranscriptTests"/>):
/// twins from keys, readings as stored, older and erased rows as they were, and a translation provider asked only when one is plugged in.
/// </summary>
public sealed class BilingualTranscriptRenderingTests
{
    static readonly DialogLibrary Library = RealDialogTests.RealLibrary;

    [Fact]
    public async Task Each_row_gets_its_twin_reading_or_language_mark_and_rows_without_them_show_as_before()
    {
        var rows = new[]
        {
            // Each row's variable says what it stands for.
            Bot("signup.ask_branch", out var askBranch),
            Bot("signup.no_such_key", out var renamedKey),
            Row(MessageAuthor.Bot, MessageDirection.Outbound, "مرحبا", "ar", out var olderRow),
            Answer("٣", AnswerMeaning.Of("esbjerg", [new ChoiceOption(3, "esbjerg", "signup.ask_branch.choice.esbjerg")]), out var readAsEsbjerg),
            Answer("تخطي", AnswerMeaning.Skip, out var skipped),
            Answer("أمل", AnswerMeaning.FreeText, out var name),
            Answer(PersonErasure.ErasedText, AnswerMeaning.FreeText, out var erased),
            Row(MessageAuthor.Bot, MessageDirection.Outbound, "Hvilken by bor du i?", "da", out var alreadyDanish),
        };
        rows[^1].MessageKey = "signup.ask_city";

        var twins = await new BilingualTranscript(Library, new NoTranslationProvider()).ReadAsync(rows, "da", CancellationToken.None);

        Assert.StartsWith(Library.Catalog.Text("da", "signup.ask_branch") + "\n1. ", twins[askBranch].Twin);
        Assert.Equal("3 · Esbjerg/Varde", twins[readAsEsbjerg].Reading);
        Assert.True(twins[skipped].Skipped);
        Assert.Equal(("ar", null), (twins[name].FreeTextLanguage, twins[name].MachineTranslation));
        Assert.False(twins.ContainsKey(renamedKey));   // a key gone from the locales: her text alone
        Assert.False(twins.ContainsKey(olderRow));     // before migration 0013: no key, as before
        Assert.False(twins.ContainsKey(erased));       // erased: nothing to render
        Assert.False(twins.ContainsKey(alreadyDanish)); // already in the console's language
    }

    [Fact]
    public async Task Free_text_goes_to_a_translation_provider_only_when_one_is_enabled_and_bot_messages_never()
    {
        var rows = new[] { Answer("أمل", AnswerMeaning.FreeText, out var name), Bot("signup.ask_branch", out _) };
        var off = new RecordingProvider(enabled: false);
        await new BilingualTranscript(Library, off).ReadAsync(rows, "da", CancellationToken.None);
        Assert.Empty(off.Asked);

        var on = new RecordingProvider(enabled: true);
        var twins = await new BilingualTranscript(Library, on).ReadAsync(rows, "da", CancellationToken.None);
        Assert.Equal([("أمل", "ar", "da")], on.Asked);
        Assert.Equal(("[da] أمل", "Recorder"), (twins[name].MachineTranslation, twins[name].TranslatedBy));
    }

    static Message Bot(string key, out Guid id)
    {
        var row = Row(MessageAuthor.Bot, MessageDirection.Outbound, Library.Catalog.Text("ar", "signup.ask_branch"), "ar", out id);
        TranscriptColumns.WriteSource(row, new OutboundMessage("ar", key, new Dictionary<string, string>(),
            [new ChoiceOption(1, "copenhagen", "signup.ask_branch.choice.copenhagen")]));
        return row;
    }

    static Message Answer(string text, AnswerMeaning meaning, out Guid id)
    {
        var row = Row(MessageAuthor.Participant, MessageDirection.Inbound, text, "ar", out id);
        row.QuestionKind = meaning == AnswerMeaning.FreeText ? "ask_text" : "ask_choice";
        TranscriptColumns.WriteReading(row, meaning);
        return row;
    }

    static Message Row(MessageAuthor author, MessageDirection direction, string text, string language, out Guid id)
    {
        var row = new Message { Author = author, Direction = direction, Text = text, Language = language, Channel = Channel.Sms };
        id = row.Id;
        return row;
    }

    sealed class RecordingProvider(bool enabled) : ITranslationProvider
    {
        public List<(string Text, string? From, string To)> Asked { get; } = [];

        public bool Enabled => enabled;

        public string Name => "Recorder";

        public Task<string?> TranslateAsync(string text, string? fromLanguage, string toLanguage, CancellationToken cancellationToken)
        {
            Asked.Add((text, fromLanguage, toLanguage));
            return Task.FromResult<string?>($"[{toLanguage}] {text}");
        }
    }
}
