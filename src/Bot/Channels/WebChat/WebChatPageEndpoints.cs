using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// The <c>/chat</c> page (Microsoft's Web Chat, served from MentorBot itself: no CDN) and the token it asks
/// for at <c>POST /api/webchat/token</c>. The secret never reaches the browser: the page gets a token
/// for one new conversation, or trades the token it kept for a fresh one to resume its conversation.
/// </summary>
public static class WebChatPageEndpoints
{
    public const string PagePath = "/chat";
    public const string BundlePath = "/chat/webchat.js";
    public const string TokenPath = "/api/webchat/token";

    /// <summary>Where the build puts Web Chat's bundle (see the Bot project file and src/Bot/ClientApp).</summary>
    public static string BundleFile => Path.Combine(AppContext.BaseDirectory, "webchat", "webchat.js");

    public sealed record TokenRequest(string? Locale, string? Resume);

    public static void MapWebChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, Page);
        app.MapGet(BundlePath, Bundle);
        app.MapPost(TokenPath, Token).DisableAntiforgery().RequireRateLimiting(TokenRateLimit.Policy);
    }

    static IResult Page(DialogLibrary library, DirectLineOptions options, HttpResponse response)
    {
        using var stream = typeof(WebChatPageEndpoints).Assembly.GetManifestResourceStream("MentorBot.Bot.ChatPage.html")!;
        using var reader = new StreamReader(stream);
        // The language menu: every language in its own name, and which ones are written right to left.
        var catalog = library.Catalog;
        var languages = new JsonArray(catalog.SupportedLanguages.Select(code => (JsonNode)new JsonObject
        {
            ["code"] = code, ["name"] = catalog.TryText(code, "language.name") ?? code, ["rtl"] = catalog.IsRightToLeft(code),
            ["strings"] = WebChatStrings(catalog, code),
        }).ToArray());
        var page = reader.ReadToEnd().Replace("/*LANGUAGES*/[]", languages.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }), StringComparison.Ordinal);
        response.Headers.ContentSecurityPolicy = ChatPagePolicy.For(page, options.PublicStreamBase);
        return Results.Content(page, "text/html; charset=utf-8");
    }

    /// <summary>
    /// Web Chat's own strings in her language, from <c>locales/&lt;lang&gt;/webchat.yaml</c>: Web Chat has no
    /// Persian, Urdu, Somali or Tigrinya of its own and would say "Type your message".
    /// </summary>
    static JsonObject WebChatStrings(Dialogs.Localization.LocaleCatalog catalog, string language) => new()
    {
        ["TEXT_INPUT_PLACEHOLDER"] = catalog.TryText(language, "webchat.type_your_message"),
        ["TEXT_INPUT_SEND_BUTTON_ALT"] = catalog.TryText(language, "webchat.send"),
        ["ACTIVITY_STATUS_TIMESTAMP_JUST_NOW"] = catalog.TryText(language, "webchat.just_now"),
        ["ACTIVITY_STATUS_SEND_STATUS_ALT_SENDING"] = catalog.TryText(language, "webchat.sending"),
    };

    static IResult Bundle() => File.Exists(BundleFile)
        ? Results.File(BundleFile, "text/javascript; charset=utf-8")
        : Results.NotFound("Web Chat's bundle was not built: run `npm ci --prefix src/Bot/ClientApp` and build again.");

    /// <summary>
    /// A kept token is traded for a fresh one of the same conversation while it is within the resume window, its
    /// session within its maximum age, and its generation current (an erased person's browser starts afresh).
    /// </summary>
    static async Task<IResult> Token(TokenRequest? request, DirectLineTokens tokens, DirectLineOptions options, ActivityLog log,
        DirectLineTokenGenerations generations, TimeProvider clock, CancellationToken ct)
    {
        var locale = request?.Locale is { Length: > 0 and <= 35 } l ? l : null;
        if (request?.Resume is { Length: > 0 } kept && tokens.Read(kept) is { } earlier && earlier.ExpiresAt + options.ResumeWindow > clock.GetUtcNow()
            && !tokens.SessionEnded(earlier) && await generations.IsCurrentAsync(earlier, ct))
        {
            var resumed = await log.FindConversationAsync(earlier.ConversationId, ct) is not null;
            var token = tokens.Issue(earlier.ConversationId, earlier.UserId, locale ?? earlier.Locale, earlier.Generation, earlier.SessionStart);
            return Results.Ok(Answer(earlier.ConversationId, token, resumed));
        }

        var conversationId = DirectLineIds.NewConversationId();
        return Results.Ok(Answer(conversationId, tokens.Issue(conversationId, DirectLineIds.NewUserId(), locale), resumed: false));

        object Answer(string conversationId, string token, bool resumed) =>
            new { conversationId, token, expires_in = (int)tokens.Lifetime.TotalSeconds, resumed };
    }
}
