namespace MentorBot.Data.Embedded;

/// <summary>The private PostgreSQL server could not be found, created, started or stopped.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
