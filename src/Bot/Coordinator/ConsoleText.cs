using System.Globalization;
using MentorBot.Bot.Coordinator.Accounts;

namespace MentorBot.Bot.Coordinator;

/// <summary>
/// The console's texts in this request's language: the coordinator's saved choice, or before she has
/// logged in, Danish for a Danish browser and English otherwise. Views use it as <c>T["key"]</c>.
/// </summary>
public sealed class ConsoleText(ConsoleTexts texts, IHttpContextAccessor http)
{
    public string Language { get; } = LanguageOf(http.HttpContext);

    public string this[string key] => texts.Get(Language, key);

    /// <summary>The text for <paramref name="key"/>, or <paramref name="fallback"/> when there is none (a code the texts don't know yet).</summary>
    public string OrElse(string key, string fallback) => texts.Has(Language, key) ? texts.Get(Language, key) : fallback;

    public string Format(string key, params object[] values) => string.Format(Culture, texts.Get(Language, key), values);

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language == "da" ? "da-DK" : "en-GB");

    /// <summary>A time in the console's format (UTC shown in the given zone).</summary>
    public string Time(DateTimeOffset? at, TimeZoneInfo? zone = null) =>
        at is null ? "–" : TimeZoneInfo.ConvertTime(at.Value, zone ?? Data.Model.Branch.ZoneOf(null)).ToString("yyyy-MM-dd HH:mm", Culture);

    /// <summary>An enum value's label (key <c>enum.type.value</c>), falling back to the value itself.</summary>
    public string Enum<T>(T value) where T : struct, System.Enum
    {
        var key = $"enum.{typeof(T).Name}.{value}";
        return texts.Has(Language, key) ? texts.Get(Language, key) : value.ToString();
    }

    static string LanguageOf(HttpContext? context)
    {
        if (context?.User.FindFirst(ConsoleClaims.Language)?.Value is { } saved && ConsoleTexts.Languages.Contains(saved))
        {
            return saved;
        }

        var browser = context?.Request.Headers.AcceptLanguage.ToString() ?? "";
        return browser.StartsWith("da", StringComparison.OrdinalIgnoreCase) ? "da" : "en";
    }
}
