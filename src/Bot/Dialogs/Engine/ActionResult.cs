namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>What the host's action returned. Each value is stored as <c>results.&lt;name&gt;</c>.</summary>
public sealed record ActionResult(IReadOnlyDictionary<string, string> Values);
