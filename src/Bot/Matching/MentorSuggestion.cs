namespace MentorBot.Bot.Matching;

/// <summary>
/// A mentor a mentee may choose: only what a mentor agreed to share (first name, profession, branch)
/// and why she fits (reason parts, rendered per language by <see cref="SuggestionList"/>).
/// </summary>
public sealed record MentorSuggestion(Guid MentorId, string FirstName, string? Profession, string? BranchCode, double Score, IReadOnlyList<ReasonPart> Reasons);
