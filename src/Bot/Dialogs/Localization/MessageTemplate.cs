using System.Text.RegularExpressions;

namespace MentorBot.Bot.Dialogs.Localization;

/// <summary>Fills named placeholders such as <c>{name}</c>. Translators move them freely within the text.</summary>
public static partial class MessageTemplate
{
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();

    public static IReadOnlySet<string> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <exception cref="FormatException">A placeholder has no argument: a dialog or locale file bug.</exception>
    public static string Format(string template, IReadOnlyDictionary<string, string> arguments) =>
        PlaceholderPattern().Replace(template, match =>
            arguments.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new FormatException($"No value for placeholder {match.Value} in \"{template}\"."));
}
