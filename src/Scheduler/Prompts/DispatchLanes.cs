using System.Globalization;

namespace MentorBot.Scheduler.Prompts;

/// <summary>The dispatch lanes' recurring job ids: <c>prompt-dispatch-0</c>, <c>prompt-dispatch-1</c>, …</summary>
public static class DispatchLanes
{
    /// <summary>The most lanes <c>Scheduler__DispatchLanes</c> allows; lanes above the setting, up to this, are removed at start.</summary>
    public const int Max = 64;

    public static string JobId(int lane) => "prompt-dispatch-" + lane.ToString(CultureInfo.InvariantCulture);
}
