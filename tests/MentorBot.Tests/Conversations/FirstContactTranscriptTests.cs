using System.Net;
using System.Text;
using MentorBot.Data.Model;
using MentorBot.Tests.Dialogs;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Conversations;

/// <summary>
/// Someone new texts the bot: each <c>Dialogs/FirstContact/&lt;lang&gt;.&lt;case&gt;.txt</c> is played over
/// HTTP against the running app (signed Twilio webhooks from a number of its own), and what the bot queued
/// for her is compared with the file. <c>&gt; text</c> is her SMS, <c>&lt;</c> and <c>|</c> one reply and its
/// next lines. With UPDATE_TRANSCRIPTS=1 the files are rewritten: review the diff.
/// </summary>
public sealed class FirstContactTranscriptTests(FirstContactBot app) : IClassFixture<FirstContactBot>
{
    static string Folder => TestPaths.InTestData("FirstContact");

    static bool Updating => Environment.GetEnvironmentVariable("UPDATE_TRANSCRIPTS") == "1";

    public static TheoryData<string> Files() =>
        new(Directory.EnumerateFiles(Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Every_language_has_a_greeting_transcript_and_Arabic_script_has_its_ambiguous_ones()
    {
        var names = Directory.EnumerateFiles(Folder, "*.txt").Select(Path.GetFileName).ToList();
        var missing = TestCatalog.Instance.SupportedLanguages.Where(language => !names.Any(n => n!.StartsWith(language + ".greeting", StringComparison.Ordinal)));
        Assert.Empty(missing);
        Assert.Contains(names, n => n!.StartsWith("arabic_script.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_bot_answers_her_first_message_as_the_transcript_says(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        var phone = PhoneFor(fileName);
        var actual = new StringBuilder();
        foreach (var line in expected.Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                actual.Append(line).Append('\n');
            }
            else if (line.StartsWith('>'))
            {
                actual.Append(line).Append('\n');
                foreach (var reply in await SendAsync(phone, line[1..].Trim()))
                {
                    var lines = reply.Split('\n');
                    actual.Append("< ").Append(lines[0]).Append('\n');
                    foreach (var next in lines.Skip(1)) actual.Append("| ").Append(next).Append('\n');
                }
            }
        }

        if (Updating)
        {
            File.WriteAllText(path, actual.ToString());
            return;
        }

        Assert.Equal(expected, actual.ToString());
    }

    /// <summary>Her SMS, signed like Twilio's; returns the replies the bot queued for it, in order.</summary>
    async Task<IReadOnlyList<string>> SendAsync(string phone, string text)
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using (var db = TestDb.Open(app.Database))
        {
            before = await db.Messages.Where(m => m.Conversation!.ChannelConversationId == phone).Select(m => (DateTimeOffset?)m.CreatedAt).MaxAsync() ?? before;
        }

        using var response = await PostSignedAsync(app.Bot.BaseAddress, "/api/twilio/sms", InboundSms(phone, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var read = TestDb.Open(app.Database);
        return await read.Messages
            .Where(m => m.Conversation!.ChannelConversationId == phone && m.Direction == MessageDirection.Outbound && m.CreatedAt > before)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.Text)
            .ToListAsync();
    }

    // A Danish mobile number of its own per file, stable across runs.
    static string PhoneFor(string fileName)
    {
        var hash = fileName.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7fffffff;
        return "+4529" + (hash % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
