namespace MentorBot.Bot.Hosting;

/// <summary>
/// The command a person typed before the options (<c>migrate</c>, <c>chat welcome --lang ar</c>): its
/// name, its own arguments, and the options left for the host (<c>--urls</c>, <c>--Section:Key value</c>).
/// </summary>
public sealed record BotCommand(string? Name, IReadOnlyList<string> Arguments, string? Language, string[] HostArguments)
{
    public const string Migrate = "migrate";
    public const string Chat = "chat";
    public const string DemoData = "demo-data";
    public const string AddCoordinator = "add-coordinator";
    public const string Locales = "locales";

    public static readonly string[] Known = [Migrate, Chat, DemoData, AddCoordinator, Locales];

    /// <summary>The command, or null when the first word is not one.</summary>
    public static BotCommand? From(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new BotCommand(null, [], null, args);
        }

        if (!Known.Contains(args[0]))
        {
            return null;
        }

        // Words up to the first option are the command's; "--lang xx" is the command's too.
        var rest = args[1..].ToList();
        var positional = rest.TakeWhile(a => !a.StartsWith('-')).ToList();
        rest.RemoveRange(0, positional.Count);
        string? language = null;
        var at = rest.IndexOf("--lang");
        if (at >= 0 && at + 1 < rest.Count)
        {
            language = rest[at + 1];
            rest.RemoveRange(at, 2);
        }

        return new BotCommand(args[0], positional, language, [.. rest]);
    }
}
