using MentorBot.Data.Model;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>The role and branch fields, the same on the new-account form and on her page (Shared/_AccountAccessFields).</summary>
public sealed record AccountAccessFields(IReadOnlyList<Branch> Branches, CoordinatorRole Role, IReadOnlyCollection<Guid> Chosen);
