using System.Net;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// POST /api/twilio/sms on the running app, checked by Twilio's C# SDK (RequestValidator), with signatures made by
/// Twilio's npm library: what Twilio signs is accepted, everything forged or altered is refused with 403, and a
/// refused webhook stores nothing.
/// </summary>
public sealed class WebhookSignatureTests(PostgresFixture postgres)
{
    const string PublicBaseUrl = "https://mentorbot.example.dk";
    const string PublicSmsUrl = PublicBaseUrl + "/api/twilio/sms";

    [Fact]
    public async Task What_twilios_library_signs_is_accepted_and_forgeries_are_refused()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = RealAccount(database);
        environment["Twilio__PublicBaseUrl"] = PublicBaseUrl;
        await using var bot = await BotProcess.ServeAsync(environment);
        var results = new List<(string Reason, HttpStatusCode Expected, HttpStatusCode Actual)>();

        async Task Check(string reason, HttpStatusCode expected, Dictionary<string, string> sent, string? signature)
        {
            using var response = await PostAsync(bot, sent, signature);
            results.Add((reason, expected, response.StatusCode));
        }

        var sms = InboundSms("+4520000001", "Hej");
        await Check("signed by Twilio's library over the URL Twilio called", HttpStatusCode.OK, sms, await TwilioSignatureAsync(AuthToken, PublicSmsUrl, sms));
        sms = InboundSms("+4520000001", "Hej");
        await Check("signed with the standard port Twilio sometimes adds", HttpStatusCode.OK, sms,
            await TwilioSignatureAsync(AuthToken, "https://mentorbot.example.dk:443/api/twilio/sms", sms));
        await Check("a non-standard port is part of the URL", HttpStatusCode.Forbidden, sms,
            await TwilioSignatureAsync(AuthToken, "https://mentorbot.example.dk:8443/api/twilio/sms", sms));
        await Check("another account's token", HttpStatusCode.Forbidden, sms, await TwilioSignatureAsync("someone_elses_token", PublicSmsUrl, sms));
        await Check("signed for another path", HttpStatusCode.Forbidden, sms, await TwilioSignatureAsync(AuthToken, PublicBaseUrl + "/api/twilio/status", sms));
        await Check("signed for the app's own address, not the public one", HttpStatusCode.Forbidden, sms,
            await TwilioSignatureAsync(AuthToken, new Uri(bot.BaseAddress, "/api/twilio/sms").ToString(), sms));
        var valid = await TwilioSignatureAsync(AuthToken, PublicSmsUrl, sms);
        await Check("a truncated signature", HttpStatusCode.Forbidden, sms, valid[..^1]);
        await Check("a signature that is not Base64", HttpStatusCode.Forbidden, sms, "not base64 at all!");
        await Check("an empty signature", HttpStatusCode.Forbidden, sms, "");
        await Check("no signature", HttpStatusCode.Forbidden, sms, null);
        await Check("a tampered body", HttpStatusCode.Forbidden, new Dictionary<string, string>(sms) { ["Body"] = "STOP" }, valid);
        await Check("an added parameter", HttpStatusCode.Forbidden, new Dictionary<string, string>(sms) { ["OptOutType"] = "STOP" }, valid);

        foreach (var (reason, body) in SimulatorWebhookSignerTests.NonAsciiBodies)
        {
            var fields = InboundSms("+4520000001", body);
            await Check($"{reason}, signed by Twilio's library", HttpStatusCode.OK, fields, await TwilioSignatureAsync(AuthToken, PublicSmsUrl, fields));
        }

        var wrong = results.Where(r => r.Expected != r.Actual).Select(r => $"{r.Reason}: expected {(int)r.Expected}, got {(int)r.Actual}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        await using var db = TestDb.Open(database);
        var accepted = results.Count(r => r.Expected == HttpStatusCode.OK);
        Assert.Equal(accepted, await db.Messages.CountAsync(m => m.Direction == MessageDirection.Inbound)); // nothing of the refused ones
        Assert.False(await db.Messages.AnyAsync(m => m.Text == "STOP"));
        Assert.DoesNotContain("Unhandled exception", bot.Output);
    }

    static async Task<string> TwilioSignatureAsync(string token, string url, IReadOnlyDictionary<string, string> fields) =>
        (await NodeOracle.RunAsync("twilio-signature.mjs", new { token, url, @params = fields })).GetProperty("expected").GetString()!;

    static async Task<HttpResponseMessage> PostAsync(BotProcess bot, IReadOnlyDictionary<string, string> fields, string? signature)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.BaseAddress, "/api/twilio/sms")) { Content = new FormUrlEncodedContent(fields) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
        }

        return await http.SendAsync(request);
    }
}
