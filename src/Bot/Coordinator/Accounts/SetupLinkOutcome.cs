namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>What became of a setup link when it was opened or used.</summary>
public enum SetupLinkOutcome
{
    Done,

    /// <summary>No such link, already used, replaced by a newer one, or her account is disabled: all look the same to the visitor.</summary>
    Invalid,

    Expired,

    /// <summary>The password breaks the rules (too short, or the two differ): the link is still good.</summary>
    PasswordRefused,
}
