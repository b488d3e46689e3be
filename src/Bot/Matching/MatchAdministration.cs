using System.Text.Json;
using MentorBot.Bot.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Matching;

/// <summary>
/// What coordinators do to matches from the console: pair a mentee and a mentor by hand (overriding a
/// full mentor with a reason), approve a match waiting for approval, end a match, block a pair, and
/// ask for a batch proposal. Every method acts only in the coordinator's branches (a match or mentee
/// elsewhere is "not found"), saves its changes, and leaves a <c>match_status_changes</c> row and an
/// <c>audit_log</c> row (ids and flags only, no free text: reasons stay on the match).
/// Refusals are <see cref="MatchAdministrationException"/>s carrying the HTTP status to answer.
/// </summary>
public sealed class MatchAdministration(MentorBotDb db, TimeProvider clock, MatchingOptions options)
{
    /// <summary>
    /// A coordinator pairs a mentee and a mentor; the match starts at once (she has approved it by making it).
    /// A mentor whose places are taken needs <paramref name="capacityOverrideReason"/>.
    /// </summary>
    public async Task<Match> CreateAsync(BranchScope scope, Guid menteeId, Guid mentorId, string? capacityOverrideReason, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var mentee = await db.Participants.Include(p => p.Branch).SingleOrDefaultAsync(p => p.Id == menteeId && p.Role == ParticipantRole.Mentee, cancellationToken);
        if (mentee?.BranchId is null || !scope.Allows(mentee.BranchId))
        {
            throw new MatchAdministrationException(MatchAdministrationError.NotFound, "No such mentee in your branches.");
        }

        // The mentor's row is locked, as when a mentee asks: her last place goes to one pair.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM participants WHERE id = {mentorId} FOR UPDATE", cancellationToken);
        var mentor = await db.Participants.Include(p => p.Profile).SingleOrDefaultAsync(p => p.Id == mentorId && p.Role == ParticipantRole.Mentor, cancellationToken);
        if (mentor is null || mentor.Status != ParticipantStatus.Active)
        {
            throw new MatchAdministrationException(MatchAdministrationError.NotFound, "No such active mentor.");
        }

        if (mentor.Track != mentee.Track)
        {
            throw new MatchAdministrationException(MatchAdministrationError.NotAllowed, "Matches stay within a track: this mentor is in another track.");
        }

        if (await db.BlockedPairs.AnyAsync(b => b.MenteeId == menteeId && b.MentorId == mentorId, cancellationToken))
        {
            throw new MatchAdministrationException(MatchAdministrationError.NotAllowed, "This pair is blocked.");
        }

        var hers = await LockedMatches.OfMentee(db, menteeId).ToListAsync(cancellationToken);
        if (hers.Any(m => m.Status is MatchStatus.Active or MatchStatus.PendingApproval))
        {
            throw new MatchAdministrationException(MatchAdministrationError.WrongStatus, "The mentee already has a mentor; end that match first.");
        }

        var load = await db.Matches.CountAsync(m => m.MentorId == mentorId && (m.Status == MatchStatus.Active || m.Status == MatchStatus.PendingApproval), cancellationToken);
        var full = load >= (mentor.Profile?.MentorCapacity ?? 1);
        if (full && string.IsNullOrWhiteSpace(capacityOverrideReason))
        {
            throw new MatchAdministrationException(MatchAdministrationError.NoFreePlace, "The mentor has no free place; give a reason to override her capacity.");
        }

        // Her open requests (to this or other mentors) end here: she has a mentor now.
        foreach (var request in hers.Where(m => m.Status == MatchStatus.Requested))
        {
            Move(request, MatchStatus.Cancelled, scope, "paired by a coordinator", now);
            CancelPrompts(request.Id);
        }

        var match = new Match
        {
            BranchId = mentee.BranchId!.Value, MenteeId = menteeId, MentorId = mentorId, Status = MatchStatus.Requested, RequestedAt = now, RespondedAt = now,
            Score = MatchScoring.Points(MatchingFacts.Of(await WithProfileAsync(mentee, cancellationToken)), MentorFactsOf(mentor, load), PairHistory.None, options),
        };
        db.Matches.Add(match);
        var reason = full ? $"capacity override: {capacityOverrideReason!.Trim()}" : null;
        MatchStart.Begin(db, match, mentee.Branch!.Settings, now, ActorKind.Coordinator, scope.CoordinatorId, reason ?? "paired by a coordinator", created: true);
        Audit(scope, "match.created", match, new { menteeId, mentorId, capacityOverride = full });
        await SaveAsync(transaction, cancellationToken);
        return match;
    }

    /// <summary>Approves a match waiting for a coordinator (the branch's approval setting); it starts now.</summary>
    public async Task<Match> ApproveAsync(BranchScope scope, Guid matchId, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var match = await MatchInScopeAsync(scope, matchId, cancellationToken);
        if (match.Status != MatchStatus.PendingApproval)
        {
            throw new MatchAdministrationException(MatchAdministrationError.WrongStatus, $"Only a match waiting for approval can be approved; this one is {match.Status}.");
        }

        MatchStart.Begin(db, match, match.Branch!.Settings, clock.GetUtcNow(), ActorKind.Coordinator, scope.CoordinatorId);
        Audit(scope, "match.approved", match, null);
        await SaveAsync(transaction, cancellationToken);
        return match;
    }

    /// <summary>
    /// Ends a match with a reason: an active one becomes ended, a request or a match waiting for approval
    /// is cancelled. Its prompts still to come (surveys, check-ins, the request) are cancelled.
    /// </summary>
    public async Task<Match> EndAsync(BranchScope scope, Guid matchId, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new MatchAdministrationException(MatchAdministrationError.NotAllowed, "Say why the match ends.");
        }

        await using var transaction = await BeginAsync(cancellationToken);
        var match = await MatchInScopeAsync(scope, matchId, cancellationToken);
        if (match.Status is not (MatchStatus.Active or MatchStatus.PendingApproval or MatchStatus.Requested))
        {
            throw new MatchAdministrationException(MatchAdministrationError.WrongStatus, $"This match is already {match.Status}.");
        }

        EndOrCancel(match, scope, reason.Trim(), clock.GetUtcNow());
        Audit(scope, "match.ended", match, null);
        await SaveAsync(transaction, cancellationToken);
        return match;
    }

    /// <summary>
    /// Blocks a pair: they are never suggested or proposed to each other again, and a request or match
    /// between them now ends. Blocking twice keeps the first block.
    /// </summary>
    public async Task BlockAsync(BranchScope scope, Guid menteeId, Guid mentorId, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var mentee = await db.Participants.SingleOrDefaultAsync(p => p.Id == menteeId && p.Role == ParticipantRole.Mentee, cancellationToken);
        if (mentee?.BranchId is null || !scope.Allows(mentee.BranchId))
        {
            throw new MatchAdministrationException(MatchAdministrationError.NotFound, "No such mentee in your branches.");
        }

        if (!await db.Participants.AnyAsync(p => p.Id == mentorId && p.Role == ParticipantRole.Mentor, cancellationToken))
        {
            throw new MatchAdministrationException(MatchAdministrationError.NotFound, "No such mentor.");
        }

        if (!await db.BlockedPairs.AnyAsync(b => b.MenteeId == menteeId && b.MentorId == mentorId, cancellationToken))
        {
            db.BlockedPairs.Add(new BlockedPair { MenteeId = menteeId, MentorId = mentorId, CoordinatorId = scope.CoordinatorId, Reason = reason?.Trim(), CreatedAt = now });
        }

        var between = await LockedMatches.OfMentee(db, menteeId).Where(m => m.MentorId == mentorId
            && (m.Status == MatchStatus.Active || m.Status == MatchStatus.PendingApproval || m.Status == MatchStatus.Requested)).ToListAsync(cancellationToken);
        foreach (var match in between)
        {
            EndOrCancel(match, scope, "pair blocked", now);
        }

        db.AuditLog.Add(new AuditEntry
        {
            At = now, ActorKind = ActorKind.Coordinator, ActorId = scope.CoordinatorId, Action = "pair.blocked", SubjectKind = "participant", SubjectId = menteeId,
            BranchId = mentee.BranchId, Details = JsonSerializer.Serialize(new { menteeId, mentorId, endedMatches = between.Select(m => m.Id) }),
        });
        await SaveAsync(transaction, cancellationToken);
    }

    /// <summary>
    /// The best assignment of every waiting mentee of the coordinator's branches (active, no request,
    /// no match waiting or running) to the free places of those branches' mentors. Nothing is changed:
    /// the coordinator reviews it and creates the matches she agrees with.
    /// </summary>
    public async Task<BatchProposal> ProposeAsync(BranchScope scope, CancellationToken cancellationToken)
    {
        var branches = scope.Branches?.ToArray(); // null: every branch, also one created after she signed in
        var waiting = await scope.Filter(db.Participants.AsNoTracking().Include(p => p.Profile))
            .Where(p => p.Role == ParticipantRole.Mentee && p.Status == ParticipantStatus.Active && p.BranchId != null)
            .Where(p => !db.Matches.Any(m => m.MenteeId == p.Id && (m.Status == MatchStatus.Requested || m.Status == MatchStatus.PendingApproval || m.Status == MatchStatus.Active)))
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(p => p.Id).ToArray();
        var history = new Dictionary<(Guid, Guid), PairHistory>();
        foreach (var match in await db.Matches.Where(m => ids.Contains(m.MenteeId)).Select(m => new { m.MenteeId, m.MentorId, m.Status }).ToListAsync(cancellationToken))
        {
            var key = (match.MenteeId, match.MentorId);
            history[key] = match.Status == MatchStatus.Declined || history.GetValueOrDefault(key) == PairHistory.Declined ? PairHistory.Declined : PairHistory.Paired;
        }

        foreach (var pair in await db.BlockedPairs.Where(b => ids.Contains(b.MenteeId)).Select(b => new { b.MenteeId, b.MentorId }).ToListAsync(cancellationToken))
        {
            history[(pair.MenteeId, pair.MentorId)] = PairHistory.Blocked;
        }

        var pairs = new List<ProposedPair>();
        var unassigned = new List<Guid>();
        foreach (var track in waiting.GroupBy(p => p.Track))
        {
            var mentors = await MatchingFacts.MentorsAsync(db, track.Key, withoutOpenRequest: false, branches, cancellationToken);
            var proposal = BatchAssignment.Propose(track.Select(MatchingFacts.Of).ToList(), mentors.Select(m => m.Facts).ToList(),
                (mentee, mentor) => history.GetValueOrDefault((mentee, mentor)), options);
            pairs.AddRange(proposal.Pairs);
            unassigned.AddRange(proposal.Unassigned);
        }

        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorKind = ActorKind.Coordinator, ActorId = scope.CoordinatorId, Action = "matches.batch_proposed",
            Details = JsonSerializer.Serialize(new { branches, pairs = pairs.Count, unassigned = unassigned.Count }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new BatchProposal(pairs, unassigned, Math.Round(pairs.Sum(p => p.Score), 3));
    }

    async Task<Match> MatchInScopeAsync(BranchScope scope, Guid matchId, CancellationToken cancellationToken)
    {
        var match = await LockedMatches.WithId(db, matchId).Include(m => m.Branch).SingleOrDefaultAsync(cancellationToken);
        return match is not null && scope.Allows(match.BranchId)
            ? match
            : throw new MatchAdministrationException(MatchAdministrationError.NotFound, "No such match in your branches.");
    }

    void EndOrCancel(Match match, BranchScope scope, string reason, DateTimeOffset now)
    {
        if (match.Status == MatchStatus.Active)
        {
            Move(match, MatchStatus.Ended, scope, reason, now);
            match.EndedAt = now;
        }
        else
        {
            Move(match, MatchStatus.Cancelled, scope, reason, now);
        }

        match.EndReason = reason;
        CancelPrompts(match.Id);
    }

    void Move(Match match, MatchStatus to, BranchScope scope, string? reason, DateTimeOffset now)
    {
        db.MatchStatusChanges.Add(new MatchStatusChange
        {
            MatchId = match.Id, FromStatus = match.Status, ToStatus = to, ChangedBy = ActorKind.Coordinator, ActorId = scope.CoordinatorId, Reason = reason, ChangedAt = now,
        });
        match.Status = to;
    }

    void CancelPrompts(Guid matchId)
    {
        foreach (var prompt in db.ScheduledPrompts.Where(p => p.MatchId == matchId && (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred)))
        {
            prompt.Status = PromptStatus.Cancelled;
        }
    }

    void Audit(BranchScope scope, string action, Match match, object? details) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorKind = ActorKind.Coordinator, ActorId = scope.CoordinatorId, Action = action, SubjectKind = "match", SubjectId = match.Id,
            BranchId = match.BranchId, Details = details is null ? null : JsonSerializer.Serialize(details),
        });

    async Task<Participant> WithProfileAsync(Participant person, CancellationToken cancellationToken)
    {
        await db.Entry(person).Reference(p => p.Profile).LoadAsync(cancellationToken);
        return person;
    }

    static MentorFacts MentorFactsOf(Participant mentor, int load)
    {
        var p = mentor.Profile ?? new Profile();
        return new MentorFacts(mentor.Id, mentor.Track, mentor.BranchId, p.City, p.ProfessionalField, p.Profession, p.EducationLevel, p.Offers, p.Languages,
            Math.Max(p.MentorCapacity ?? 1, load + 1), load, load > 0, p.PartnerCompany);
    }

    // One transaction per coordinator action (or the caller's, when she already has one).
    async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    async Task SaveAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
