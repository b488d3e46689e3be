namespace MentorBot.Bot.Hosting;

/// <summary>MentorBot can't start, for a reason a person can fix; the message says how.</summary>
public sealed class StartupException(string message, Exception inner) : Exception(message, inner);
