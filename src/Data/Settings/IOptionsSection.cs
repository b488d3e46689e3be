namespace MentorBot.Data.Settings;

/// <summary>
/// An options class bound from one configuration section (<c>Scheduler</c>, <c>Twilio</c>…), registered with
/// <see cref="ValidatedOptions.AddValidatedOptions{T}"/>. The docs test finds every options class by this interface
/// and checks that each of its keys is in docs/configuration.md.
/// </summary>
public interface IOptionsSection
{
    /// <summary>The section's name: <c>Scheduler</c> for <c>Scheduler:DispatchLanes</c> (<c>Scheduler__DispatchLanes</c>).</summary>
    static abstract string Section { get; }
}
