namespace MentorBot.Bot.SurveyResults;

/// <summary>
/// Which results: mentees of these branches (null: every branch the coordinator may see) whose end survey
/// was completed in [<see cref="From"/>, <see cref="To"/>); response rates count surveys sent and
/// completed in the same period.
/// </summary>
public sealed record SurveyResultsQuery(IReadOnlyCollection<Guid>? BranchIds, DateTimeOffset From, DateTimeOffset To);
