namespace MentorBot.Bot.Privacy;

/// <summary>What one retention run did: rows touched per rule, and the people erased (counts only).</summary>
public sealed record RetentionReport(IReadOnlyDictionary<string, int> Rows, int PeopleErased);
