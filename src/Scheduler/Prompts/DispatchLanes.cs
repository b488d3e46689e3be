using System.Globalization;
using Quartz;

namespace MentorBot.Scheduler.Prompts;

/// <summary>The dispatch lanes' trigger names: lane 0 kept its original name, so clusters upgraded from one lane keep their trigger.</summary>
public static class DispatchLanes
{
    public const string Group = "mentorbot";

    const string FirstLane = "prompt-dispatch-every";

    public static TriggerKey Key(int lane) => new(lane == 0 ? FirstLane : $"{FirstLane}-{lane}", Group);

    /// <summary>The lane number of a dispatch trigger's key, or null for any other trigger.</summary>
    public static int? LaneOf(TriggerKey key)
    {
        if (key.Group != Group)
        {
            return null;
        }

        if (key.Name == FirstLane)
        {
            return 0;
        }

        return key.Name.StartsWith(FirstLane + "-", StringComparison.Ordinal)
            && int.TryParse(key.Name.AsSpan(FirstLane.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var lane) ? lane : null;
    }
}
