namespace MentorBot.Bot.Hosting;

/// <summary>The command a person typed before the options (<c>migrate</c>), and the options left for the host.</summary>
public sealed record BotCommand(string? Name, string[] HostArguments)
{
    public const string Migrate = "migrate";

    static readonly string[] Known = [Migrate];

    /// <summary>The command, or null when the first word is not one.</summary>
    public static BotCommand? From(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new BotCommand(null, args);
        }

        if (!Known.Contains(args[0]))
        {
            return null;
        }

        return new BotCommand(args[0], args[1..]);
    }
}
