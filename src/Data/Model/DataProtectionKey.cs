namespace MentorBot.Data.Model;

/// <summary>One ASP.NET Core Data Protection key as XML: the console's cookie and anti-forgery keys, shared by all nodes.</summary>
public sealed class DataProtectionKey
{
    public long Id { get; init; }

    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
