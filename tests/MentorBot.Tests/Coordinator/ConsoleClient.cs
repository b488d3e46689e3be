using System.Net;
using System.Text.RegularExpressions;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// A browser without JavaScript for the console: keeps cookies, never follows redirects (tests look at
/// them), and posts forms with the anti-forgery token read from the page, as a form would.
/// </summary>
public sealed partial class ConsoleClient : IDisposable
{
    readonly HttpClient _http;

    public ConsoleClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>GETs <paramref name="formPage"/> for its anti-forgery token, then POSTs <paramref name="fields"/> (and the token) to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IDictionary<string, string> fields, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken)
        {
            using var page = await _http.GetAsync(formPage);
            var html = await page.Content.ReadAsStringAsync();
            var token = Token().Match(html);
            Assert.True(token.Success, $"No anti-forgery token on {formPage} ({(int)page.StatusCode})");
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        return await _http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in with e-mail and password, and the authenticator code when a key is given. Returns the last response.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password, string? totpKey = null)
    {
        var response = await PostFormAsync("/console/login", "/console/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (totpKey is not null && response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/console/login/two-factor", StringComparison.Ordinal))
        {
            response = await PostFormAsync(response.Headers.Location.OriginalString, response.Headers.Location.OriginalString,
                new Dictionary<string, string> { ["Code"] = Totp.Code(totpKey) });
        }

        return response;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
