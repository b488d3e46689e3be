namespace MentorBot.Bot.Matching;

/// <summary>A mentor a mentee may choose, with why she was suggested (reason codes, rendered per language).</summary>
public sealed record MentorSuggestion(Guid MentorId, string FirstName, string? Profession, string? Field, IReadOnlyList<string> SharedLanguages, string? City, double Score);
