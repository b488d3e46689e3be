using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MentorBot.Bot.Channels.WebChat;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Infrastructure;

/// <summary>What the web chat tests share: the app's settings, a token as the /chat page gets one, and Direct Line calls.</summary>
public static class WebChatTestEnvironment
{
    public const string Secret = "test-direct-line-secret-0123456789";

    public static Dictionary<string, string?> Settings(string database) => new()
    {
        ["ConnectionStrings__MentorBot"] = database,
        ["Scheduler__Enabled"] = "false",
        ["DirectLine__Secret"] = Secret,
    };

    /// <summary>Tokens as MentorBot makes them, on a clock of the test's choosing (an expired one, a forged one).</summary>
    public static DirectLineTokens Tokens(TimeProvider clock, string secret = Secret) =>
        new(DirectLineSecret.From(new DirectLineOptions { Secret = secret }, NullLogger.Instance), new DirectLineOptions(), clock);

    public sealed record Grant(string ConversationId, string Token, bool Resumed);

    /// <summary>What the /chat page does first: ask MentorBot for a token.</summary>
    public static async Task<Grant> PageTokenAsync(BotProcess bot, string locale, string? resume = null)
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var response = await http.PostAsJsonAsync(WebChatPageEndpoints.TokenPath, new { locale, resume });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Grant(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("resumed").GetBoolean());
    }

    public static HttpClient DirectLine(BotProcess bot, string? bearer)
    {
        var http = new HttpClient { BaseAddress = new Uri(bot.BaseAddress, DirectLineEndpoints.Prefix + "/") };
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return http;
    }

    public static string Domain(BotProcess bot) => new Uri(bot.BaseAddress, DirectLineEndpoints.Prefix).ToString();
}
