namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// Work the host must do before the dialog can go on (e.g. <c>get_match_suggestions</c>). The dialog
/// waits at the action step until the host calls <see cref="DialogEngine.Resume"/>.
/// </summary>
public sealed record PendingAction(string Name, IReadOnlyDictionary<string, string> Arguments);
