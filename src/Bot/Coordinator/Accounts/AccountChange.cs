namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>What an admin's change to an account came to; each but <see cref="Done"/> is a notice key on the accounts page.</summary>
public enum AccountChange
{
    Done,
    NotFound,
    InvalidEmail,
    EmailTaken,
    NeedsBranch,

    /// <summary>An admin can't disable herself or take away her own admin role: the last admin would lock everyone out.</summary>
    NotYourself,
}
