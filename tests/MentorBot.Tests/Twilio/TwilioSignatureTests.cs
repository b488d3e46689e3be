using MentorBot.Bot.Channels.Twilio;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    static readonly KeyValuePair<string, string>[] VoiceVector =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"),
        new("From", "+12349013030"), new("To", "+18005551212"),
    ];

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "as Twilio called it")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "with the standard port Twilio sometimes adds")]
    public void Accepts_the_published_vector(string url, string reason)
    {
        Assert.True(TwilioSignature.IsValid("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url, VoiceVector), reason);
    }

    [Fact]
    public void Repeated_parameters_follow_twilios_node_library()
    {
        KeyValuePair<string, string>[] parameters = [new("MediaUrl", "b"), new("MediaUrl", "a"), new("Body", "hi")];
        Assert.Equal("legjwigEnDCjs+joNetNs8tRF9k=", TwilioSignature.Compute("12345", "https://example.com/sms", parameters));
    }

    [Theory]
    [InlineData("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "https://mycompany.com/myapp.php?foo=1&bar=3", "the URL was changed")]
    [InlineData("54321", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "https://mycompany.com/myapp.php?foo=1&bar=2", "another account's token")]
    [InlineData("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ", "https://mycompany.com/myapp.php?foo=1&bar=2", "a truncated signature")]
    [InlineData("12345", "", "https://mycompany.com/myapp.php?foo=1&bar=2", "no signature")]
    [InlineData("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "https://mycompany.com:8443/myapp.php?foo=1&bar=2", "a non-standard port is part of the URL")]
    public void Refuses_forgeries(string token, string signature, string url, string reason)
    {
        Assert.False(TwilioSignature.IsValid(token, signature, url, VoiceVector), reason);
    }

    [Fact]
    public void A_tampered_parameter_is_refused()
    {
        var tampered = VoiceVector.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p).ToArray();
        Assert.False(TwilioSignature.IsValid("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "https://mycompany.com/myapp.php?foo=1&bar=2", tampered));
    }

    public static TheoryData<string, string> Bodies => new()
    {
        { "Danish letters", "Hej, jeg hedder Åse og bor i Ærø — øl?" },
        { "Arabic", "مرحبا، اسمي أمل ١٢٣" },
        { "Persian digits and ZWNJ", "می‌خواهم ۱ ۳ ۵" },
        { "Tigrinya", "ሰላም እወ" },
        { "emoji and symbols", "👍 ok & <b>\"quoted\"</b> +45 12 34" },
    };

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

        var ours = TwilioSignature.Compute("tok_æøå_secret", url, parameters);
        var oracle = await NodeOracle.RunAsync("twilio-signature.mjs", new { token = "tok_æøå_secret", url, @params = parameters, signature = ours });

        Assert.True(oracle.GetProperty("expected").GetString() == ours, $"{reason}: ours {ours}, Twilio's {oracle.GetProperty("expected")}");
        Assert.True(oracle.GetProperty("valid").GetBoolean(), reason);
    }
}
