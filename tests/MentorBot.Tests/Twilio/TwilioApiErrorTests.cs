using MentorBot.Bot.Channels.Twilio;

namespace MentorBot.Tests.Twilio;

public sealed class TwilioApiErrorTests
{
    [Theory]
    [InlineData(400, """{"code":21211,"message":"The 'To' number +4500 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""",
        21211, "The 'To' number +4500 is not a valid phone number.", "Twilio's legacy error JSON")]
    [InlineData(400, """{"type":"https://www.twilio.com/docs/api/errors/21610","title":"Attempt to send to unsubscribed recipient","status":400,"code":21610,"detail":"The recipient replied STOP.","instance":"/Messages"}""",
        21610, "The recipient replied STOP.", "RFC 9457 problem JSON: the detail is the most specific text")]
    [InlineData(429, """{"type":"https://www.twilio.com/docs/api/errors/20429","title":"Too Many Requests","status":429,"code":20429}""",
        20429, "Too Many Requests", "problem JSON without a detail falls back to its title")]
    [InlineData(502, "<html><body>Bad Gateway</body></html>", null, "HTTP 502: <html><body>Bad Gateway</body></html>", "a proxy's HTML page")]
    [InlineData(503, "", null, "HTTP 503", "no body at all")]
    [InlineData(400, """["not","an","object"]""", null, "HTTP 400: [\"not\",\"an\",\"object\"]", "JSON that is not an error object")]
    public void Reads_both_error_forms(int status, string body, int? code, string message, string reason)
    {
        var error = TwilioApiError.Parse(status, body);
        Assert.True(code == error.Code, $"{reason}: code {error.Code}");
        Assert.True(message == error.Message, $"{reason}: message {error.Message}");
        Assert.Equal(status, error.HttpStatus);
    }
}
