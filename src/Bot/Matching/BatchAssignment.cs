namespace MentorBot.Bot.Matching;

/// <summary>One proposed pair of a batch proposal, with its score and why.</summary>
public sealed record ProposedPair(Guid MenteeId, Guid MentorId, double Score, IReadOnlyList<ReasonPart> Reasons);

/// <summary>A batch proposal: pairs for a coordinator to review, and the mentees no mentor could be found for.</summary>
public sealed record BatchProposal(IReadOnlyList<ProposedPair> Pairs, IReadOnlyList<Guid> Unassigned, double TotalScore);

/// <summary>
/// The best assignment of waiting mentees to mentors' free places: the one with the highest total
/// score, each mentee at most once, each mentor at most her free places, never an excluded pair
/// (other track, blocked, declined, earlier pair). Pure; it proposes, a coordinator decides.
///
/// It is the assignment problem solved with the Hungarian method (shortest augmenting paths with
/// potentials, O(n² m)): a mentor with k free places is k columns, mentees are rows. An excluded pair
/// costs the same as leaving the mentee without a mentor (0), and every allowed pair scores at least 0,
/// so the optimum of the square problem is the best partial assignment; pairs that landed on an
/// excluded cell are dropped afterwards.
/// </summary>
public static class BatchAssignment
{
    public static BatchProposal Propose(IReadOnlyList<MenteeFacts> mentees, IReadOnlyList<MentorFacts> mentors, Func<Guid, Guid, PairHistory> history, MatchingOptions options)
    {
        var slots = new List<int>(); // column → mentor index
        for (var j = 0; j < mentors.Count; j++)
        {
            for (var k = 0; k < mentors[j].FreePlaces; k++) slots.Add(j);
        }

        // Scores per (mentee, mentor), not per place: all places of a mentor score the same.
        var n = mentees.Count;
        var score = new double[n * mentors.Count];
        var allowed = new bool[n * mentors.Count];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < mentors.Count; j++)
            {
                if (MatchScoring.Points(mentees[i], mentors[j], history(mentees[i].Id, mentors[j].Id), options) is { } points)
                {
                    score[i * mentors.Count + j] = points;
                    allowed[i * mentors.Count + j] = true;
                }
            }
        }

        var assignedSlot = Hungarian(n, slots.Count, (i, column) => -score[i * mentors.Count + slots[column]]);

        var pairs = new List<ProposedPair>();
        var unassigned = new List<Guid>();
        for (var i = 0; i < n; i++)
        {
            var column = assignedSlot[i];
            var j = column >= 0 && column < slots.Count ? slots[column] : -1;
            if (j >= 0 && allowed[i * mentors.Count + j])
            {
                var full = MatchScoring.Score(mentees[i], mentors[j], history(mentees[i].Id, mentors[j].Id), options);
                pairs.Add(new ProposedPair(mentees[i].Id, mentors[j].Id, full.Points, full.Reasons));
            }
            else
            {
                unassigned.Add(mentees[i].Id);
            }
        }

        return new BatchProposal(pairs, unassigned, Math.Round(pairs.Sum(p => p.Score), 3));
    }

    /// <summary>
    /// Minimum-cost assignment of <paramref name="rows"/> rows to distinct columns (padded with zero-cost
    /// columns when there are fewer columns than rows). Returns each row's column; a padded column is
    /// ≥ <paramref name="columns"/>.
    /// </summary>
    public static int[] Hungarian(int rows, int columns, Func<int, int, double> cost)
    {
        var m = Math.Max(rows, columns);
        // 1-based as in the classic formulation; column 0 is the virtual start.
        var u = new double[rows + 1];
        var v = new double[m + 1];
        var rowOfColumn = new int[m + 1];
        var way = new int[m + 1];
        var minv = new double[m + 1];
        var used = new bool[m + 1];
        var costRow = new double[m + 1];
        for (var i = 1; i <= rows; i++)
        {
            for (var j = 1; j <= m; j++) costRow[j] = j <= columns ? cost(i - 1, j - 1) : 0;
            rowOfColumn[0] = i;
            var j0 = 0;
            Array.Fill(minv, double.PositiveInfinity);
            Array.Fill(used, false);
            do
            {
                used[j0] = true;
                var i0 = rowOfColumn[j0];
                var delta = double.PositiveInfinity;
                var j1 = 0;
                var ui0 = u[i0];
                for (var j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    var c = (i0 == i ? costRow[j] : (j <= columns ? cost(i0 - 1, j - 1) : 0)) - ui0 - v[j];
                    if (c < minv[j])
                    {
                        minv[j] = c;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (rowOfColumn[j0] != 0);

            do
            {
                var j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var columnOfRow = new int[rows];
        Array.Fill(columnOfRow, -1);
        for (var j = 1; j <= m; j++)
        {
            if (rowOfColumn[j] != 0) columnOfRow[rowOfColumn[j] - 1] = j - 1;
        }

        return columnOfRow;
    }
}
