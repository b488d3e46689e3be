namespace MentorBot.Bot.Dialogs;

/// <summary>Words a person can write at any step, in any language; the host decides what they do beyond the dialog.</summary>
public enum GlobalCommand
{
    Help,
    Language,
    Stop,
    Start,

    /// <summary>"menu" or "restart": go back to the beginning.</summary>
    Restart,
}
