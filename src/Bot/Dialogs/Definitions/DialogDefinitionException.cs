namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>A dialog file is broken. The message always names the file, and the step when there is one.</summary>
public sealed class DialogDefinitionException(string message, Exception? inner = null) : Exception(message, inner);
