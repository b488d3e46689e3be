using MentorBot.Data.Model;

namespace MentorBot.Scheduler.Prompts;

/// <summary>Who an event is published to: a branch and a role, optionally only one preferred language and one status (default: active participants).</summary>
public sealed record EventSegment(Guid BranchId, ParticipantRole Role, string? Language = null, ParticipantStatus Status = ParticipantStatus.Active);
