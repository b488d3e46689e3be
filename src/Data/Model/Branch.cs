namespace MentorBot.Data.Model;

/// <summary>A local branch of the network (Copenhagen, Aarhus/Aalborg, Esbjerg/Varde…) with its own coordinators and rules.</summary>
public sealed class Branch
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Short stable code used in configuration and on the command line, e.g. <c>copenhagen</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string City { get; set; }

    public Track Track { get; set; }

    /// <summary>Where the program runs; the time zone of anyone not (yet) in a branch.</summary>
    public const string DefaultTimeZone = "Europe/Copenhagen";

    /// <summary>IANA time zone id; quiet hours and "send on day N" are computed in it.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>The time zone of a branch, or of the program when there is none.</summary>
    public static TimeZoneInfo ZoneOf(Branch? branch) => TimeZoneInfo.FindSystemTimeZoneById(branch?.TimeZone ?? DefaultTimeZone);

    public BranchSettings Settings { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }
}
