using System.ComponentModel.DataAnnotations;

namespace MentorBot.Data.Settings;

/// <summary>
/// A setting that, when set, must be an absolute URL with one of <see cref="Schemes"/> (<c>https://bot.example.dk</c>).
/// Empty means "not configured" and passes; pair it with <see cref="RequiredAttribute"/> where a value is needed. Unlike
/// <see cref="UrlAttribute"/>, it names the schemes it takes (a WebSocket base takes ws and wss, a webhook base only http).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteUrlAttribute(params string[] schemes) : ValidationAttribute
{
    public IReadOnlyList<string> Schemes { get; } = schemes;

    /// <summary>Shown after the rule, in brackets, as what a good value looks like.</summary>
    public string? Example { get; init; }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
            || (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase));

    public override string FormatErrorMessage(string name) =>
        $"{name} must be an absolute {string.Join(", ", Schemes.SkipLast(1))}{(Schemes.Count > 1 ? " or " : "")}{Schemes[^1]} URL{(Example is null ? "" : $" ({Example})")}";
}
