using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// Everything a turn may depend on besides the dialog and its state. The engine never reads a clock or
/// a database: the host passes the time, the person's language and what is already known about her.
/// </summary>
/// <param name="KnownValues">Stored profile and answers (<c>profile.field</c> → <c>it</c>), read by branch steps and message arguments.</param>
public sealed record DialogContext(
    DateTimeOffset Now,
    TimeZoneInfo TimeZone,
    string Language,
    LocaleCatalog Catalog,
    IReadOnlyDictionary<string, string> KnownValues)
{
    /// <summary>The person's calendar date, for "today", "tomorrow" and weekday answers.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);
}
