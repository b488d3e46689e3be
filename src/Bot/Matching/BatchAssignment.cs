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
        // Scores per (mentee, mentor), not per place: all places of a mentor score the same. One flat
        // array of costs (the negated score; 0 for an excluded pair) with one extra zero column at the end
        // for padded places; the Hungarian loop reads it by index, no delegate per cell.
        var n = mentees.Count;
        var width = mentors.Count + 1;
        var cost = new double[n * width];
        var allowed = new bool[n * width];
        for (var i = 0; i < n; i++)
        {
            var mentee = mentees[i];
            var rowBase = i * width;
            for (var j = 0; j < mentors.Count; j++)
            {
                var mentor = mentors[j];
                if (mentor.FreePlaces <= 0 || mentor.Track != mentee.Track) continue; // excluded anyway; skips the history look-up
                if (MatchScoring.Points(mentee, mentor, history(mentee.Id, mentor.Id), options) is { } points)
                {
                    cost[rowBase + j] = -points;
                    allowed[rowBase + j] = true;
                }
            }
        }

        var slots = new List<int>(); // column → mentor index
        for (var j = 0; j < mentors.Count; j++)
        {
            for (var k = 0; k < mentors[j].FreePlaces; k++) slots.Add(j);
        }

        var assignedSlot = Hungarian(n, cost, width, slots.ToArray());

        var pairs = new List<ProposedPair>();
        var unassigned = new List<Guid>();
        for (var i = 0; i < n; i++)
        {
            var column = assignedSlot[i];
            var j = column >= 0 && column < slots.Count ? slots[column] : -1;
            if (j >= 0 && allowed[i * width + j])
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
        var width = columns + 1; // the last column is the zero cost of a padded column
        var matrix = new double[rows * width];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++) matrix[i * width + j] = cost(i, j);
        }

        var identity = new int[columns];
        for (var j = 0; j < columns; j++) identity[j] = j;
        return Hungarian(rows, matrix, width, identity);
    }

    /// <summary>
    /// The same on a flat matrix: column <c>c</c> of row <c>i</c> costs <c>cost[i * width + groupOfColumn[c]]</c>
    /// (several columns may share a group: a mentor's places), and a padded column costs
    /// <c>cost[i * width + width - 1]</c>, which must be 0.
    /// </summary>
    static int[] Hungarian(int rows, double[] cost, int width, int[] groupOfColumn)
    {
        var columns = groupOfColumn.Length;
        var m = Math.Max(rows, columns);
        // 1-based as in the classic formulation; column 0 is the virtual start.
        var group = new int[m + 1];
        for (var j = 1; j <= m; j++) group[j] = j <= columns ? groupOfColumn[j - 1] : width - 1;
        var u = new double[rows + 1];
        var v = new double[m + 1];
        var rowOfColumn = new int[m + 1];
        var way = new int[m + 1];
        var minv = new double[m + 1];
        var used = new bool[m + 1];
        for (var i = 1; i <= rows; i++)
        {
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
                var rowBase = (i0 - 1) * width;
                for (var j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    var c = cost[rowBase + group[j]] - ui0 - v[j];
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
