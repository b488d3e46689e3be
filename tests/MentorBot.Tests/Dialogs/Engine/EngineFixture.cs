using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;

namespace MentorBot.Tests.Dialogs.Engine;

/// <summary>Small dialogs written inline, a fixed clock, and the real locale catalog.</summary>
internal static class EngineFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 11, 9, 30, 0, TimeSpan.FromHours(1));
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DialogContext Context(string language = "en", IReadOnlyDictionary<string, string>? known = null, DateTimeOffset? now = null) =>
        new(now ?? Now, Copenhagen, language, TestCatalog.Instance, known ?? new Dictionary<string, string>());

    public static DialogDefinition Dialog(string id, string steps) => DialogDefinitionLoader.Parse(
        $"spec_version: 1\nid: {id}\nversion: 1\nstart: {FirstStepId(steps)}\nsteps:\n{steps}", id + ".yaml");

    public static DialogDefinition Sample() => TestDialogs.Sample();

    private static string FirstStepId(string steps)
    {
        var start = steps.IndexOf("id: ", StringComparison.Ordinal) + 4;
        return steps[start..steps.IndexOfAny([',', '\n', ' '], start)];
    }
}
