using System.Diagnostics;

namespace MentorBot.Data.Telemetry;

/// <summary>
/// The one name MentorBot's own spans and instruments are published under (the <c>ActivitySource</c> and the
/// <c>Meter</c>), so an OpenTelemetry setup subscribes to both with one name. Lives beside the data because
/// every project (bot, scheduler, scheduler-only worker) can reach it from here.
/// </summary>
public static class MentorBotTelemetry
{
    public const string Name = "MentorBot";

    /// <summary>Where MentorBot's own spans come from: one per dialog turn (see docs/observability.md).</summary>
    public static readonly ActivitySource Tracing = new(Name);
}
