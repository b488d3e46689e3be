using System.Text;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Infrastructure;

/// <summary>What the Twilio tests share: the app's settings for a test account, signed webhooks, and outbox rows.</summary>
public static class TwilioTestEnvironment
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test_auth_token_æøå";
    public const string FromNumber = "+4570000000";

    /// <summary>A real-account configuration (no simulator), sending to <paramref name="apiBaseUrl"/>.</summary>
    public static Dictionary<string, string?> RealAccount(string database, string apiBaseUrl = "http://127.0.0.1:9") => new()
    {
        ["ConnectionStrings__MentorBot"] = database,
        ["Scheduler__Enabled"] = "false",
        ["Twilio__AccountSid"] = AccountSid,
        ["Twilio__AuthToken"] = AuthToken,
        ["Twilio__FromNumber"] = FromNumber,
        ["Twilio__ApiBaseUrl"] = apiBaseUrl,
        ["Twilio__RetryBaseDelay"] = "00:00:00.2",
        ["Twilio__MessagesPerSecond"] = "100",
        ["Twilio__NodeLease"] = "00:00:03",
    };

    /// <summary>The simulator (no account configured), not paced like a real long code (1 segment a second would make
    /// a dozen Arabic replies take a minute; the pacing has its own tests).</summary>
    public static Dictionary<string, string?> Simulator(string database) => new()
    {
        ["ConnectionStrings__MentorBot"] = database,
        ["Scheduler__Enabled"] = "false",
        ["Twilio__MessagesPerSecond"] = "100",
    };

    public static Dictionary<string, string> InboundSms(string from, string body, string? messageSid = null)
    {
        messageSid ??= NewSid();
        return new()
        {
        ["ToCountry"] = "DK", ["SmsMessageSid"] = messageSid, ["NumMedia"] = "0", ["SmsStatus"] = "received",
        ["Body"] = body, ["To"] = FromNumber, ["NumSegments"] = "1", ["MessageSid"] = messageSid,
        ["AccountSid"] = AccountSid, ["From"] = from, ["ApiVersion"] = "2010-04-01",
        };
    }

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// POSTs <paramref name="fields"/> form-encoded, signed with <paramref name="token"/> over <paramref name="signedUrl"/>
    /// (default: the URL posted to) by the simulator's signer, which is checked against Twilio's npm library.
    /// </summary>
    public static async Task<HttpResponseMessage> PostSignedAsync(
        Uri baseAddress, string path, IReadOnlyDictionary<string, string> fields, string token = AuthToken, string? signedUrl = null)
    {
        var url = new Uri(baseAddress, path).ToString();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(SimulatorWebhookSigner.Header, SimulatorWebhookSigner.Sign(token, signedUrl ?? url, fields));
        return await http.SendAsync(request);
    }

    /// <summary>A queued outbound message to <paramref name="phone"/>, as the dialog engine will queue replies; her rows are created when missing.</summary>
    public static async Task<Guid> QueueAsync(string database, string phone, string text, Channel channel = Channel.Sms)
    {
        await using var db = TestDb.Open(database);
        var now = DateTimeOffset.UtcNow;
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Phone == phone);
        if (participant is null)
        {
            participant = new Participant { Phone = phone, PreferredLanguage = "da", CreatedAt = now, UpdatedAt = now };
            db.Participants.Add(participant);
        }

        var address = channel == Channel.Whatsapp ? "whatsapp:" + phone : phone;
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Channel == channel && c.ChannelConversationId == address);
        if (conversation is null)
        {
            conversation = new Conversation { ParticipantId = participant.Id, Channel = channel, ChannelConversationId = address, StartedAt = now, LastActivityAt = now };
            db.Conversations.Add(conversation);
        }

        var message = new Message
        {
            ConversationId = conversation.Id, ParticipantId = participant.Id, Channel = channel, Direction = MessageDirection.Outbound,
            Author = MessageAuthor.Bot, Text = text, DeliveryStatus = DeliveryStatus.Queued, CreatedAt = now, UpdatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<Message> MessageAsync(string database, Guid id)
    {
        await using var db = TestDb.Open(database);
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="seconds"/> with <paramref name="what"/>.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Never happened: {what}");
            }

            await Task.Delay(100);
        }
    }

    public static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
