namespace MentorBot.Data.Migrations;

/// <summary>The schema can't be brought up to date safely; startup stops with this message.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
