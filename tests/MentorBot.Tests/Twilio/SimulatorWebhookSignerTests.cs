using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// The simulator's signer (and the tests', which sign with it) against Twilio's own: the published vector and
/// Twilio's npm library. Whether MentorBot accepts a signature is Twilio's C# SDK's call: see <see cref="WebhookSignatureTests"/>.
/// </summary>
public sealed class SimulatorWebhookSignerTests
{
    public static readonly KeyValuePair<string, string>[] VoiceVector =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"),
        new("From", "+12349013030"), new("To", "+18005551212"),
    ];

    [Fact]
    public void Signs_the_published_vector()
    {
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", SimulatorWebhookSigner.Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", VoiceVector));
    }

    /// <summary>Texts as mentees write them: every byte of them is signed.</summary>
    public static readonly (string Reason, string Body)[] NonAsciiBodies =
    [
        ("Danish letters", "Hej, jeg hedder Åse og bor i Ærø — øl?"),
        ("Arabic", "مرحبا، اسمي أمل ١٢٣"),
        ("Persian digits and ZWNJ", "می‌خواهم ۱ ۳ ۵"),
        ("Tigrinya", "ሰላም እወ"),
        ("emoji and symbols", "👍 ok & <b>\"quoted\"</b> +45 12 34"),
    ];

    public static TheoryData<string, string> Bodies => new(NonAsciiBodies);

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Matches_twilios_own_library_for_non_ascii_bodies(string reason, string body)
    {
        var parameters = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM0123456789abcdef0123456789abcdef", ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["From"] = "+4520000001", ["To"] = "+4570000000", ["Body"] = body, ["NumMedia"] = "0", ["ToCountry"] = "DK",
        };
        const string url = "https://mentorbot.example.dk/api/twilio/sms";

        var ours = SimulatorWebhookSigner.Sign("tok_æøå_secret", url, parameters);
        var oracle = await NodeOracle.RunAsync("twilio-signature.mjs", new { token = "tok_æøå_secret", url, @params = parameters, signature = ours });

        Assert.True(oracle.GetProperty("expected").GetString() == ours, $"{reason}: ours {ours}, Twilio's {oracle.GetProperty("expected")}");
        Assert.True(oracle.GetProperty("valid").GetBoolean(), reason);
    }
}
