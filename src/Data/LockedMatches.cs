using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Data;

/// <summary>
/// Matches read with their rows locked until the transaction ends (<c>FOR UPDATE</c>). Everything that changes a match
/// reads it this way: the planner's pass, the mentor's answer, a meeting report, a coordinator's change. Whoever comes
/// second waits for the first to commit and then reads what it left. Read unlocked, the second would act on the match
/// as it was and write that back over the first's change. The planner once set a match's start back to the time of
/// the request that way, because the mentor's yes had landed between the pass's reads.
/// </summary>
public static class LockedMatches
{
    public static IQueryable<Match> WithId(MentorBotDb db, Guid id) =>
        db.Matches.FromSql($"SELECT * FROM matches WHERE id = {id} FOR UPDATE");

    /// <summary>All of a mentee's matches, whatever their status: a handful of rows.</summary>
    public static IQueryable<Match> OfMentee(MentorBotDb db, Guid menteeId) =>
        db.Matches.FromSql($"SELECT * FROM matches WHERE mentee_id = {menteeId} FOR UPDATE");

    public static IQueryable<Match> WithStatus(MentorBotDb db, MatchStatus status) =>
        db.Matches.FromSql($"SELECT * FROM matches WHERE status = {SnakeCaseEnumConverter<MatchStatus>.NameOf(status)} FOR UPDATE");
}
