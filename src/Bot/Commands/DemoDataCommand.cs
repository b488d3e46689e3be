using MentorBot.Bot.Matching;
using MentorBot.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Commands;

/// <summary>
/// <c>demo-data [--mentors N]</c>: fills the database with made-up mentors (active, consented, with
/// profiles spread over the branches, both tracks, the field taxonomy, education levels, the mentees'
/// languages and the configured partner company programs) so matching can be tried on the embedded
/// defaults. Mentor number i is always the same person (<see cref="DemoMentor"/>), and one already there
/// (by her phone number) is left alone: running it twice adds nobody the second time. Their phone
/// numbers (+45 99 9x xx xx) are for the SMS simulator only: never run this against a database that
/// sends real SMS.
/// </summary>
public static class DemoDataCommand
{
    public const int DefaultMentors = 60;

    /// <param name="mentorsOption">The <c>--mentors</c> value as typed (none: <see cref="DefaultMentors"/>).</param>
    public static async Task<int> RunAsync(IServiceProvider services, string? mentorsOption, TextWriter output, CancellationToken cancellationToken)
    {
        var mentors = DefaultMentors;
        if (mentorsOption is not null
            && (!int.TryParse(mentorsOption, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out mentors) || mentors > DemoMentor.MaxNumber + 1))
        {
            await output.WriteLineAsync($"--mentors must be a whole number from 0 to {DemoMentor.MaxNumber + 1}, not '{mentorsOption}'.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorBotDb>();
        var programs = services.GetRequiredService<MatchingOptions>().PartnerPrograms;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var branches = await db.Branches.OrderBy(b => b.Code).ToListAsync(cancellationToken);
        if (branches.Count == 0)
        {
            await output.WriteLineAsync("No branches in the database: run `migrate` first.");
            return 1;
        }

        var wanted = Enumerable.Range(0, mentors).Select(i => DemoMentor.For(i, branches, programs)).ToList();
        var phones = wanted.Select(m => m.Phone).ToList();
        var present = (await db.Participants.Where(p => p.Phone != null && phones.Contains(p.Phone)).Select(p => p.Phone!).ToListAsync(cancellationToken)).ToHashSet();
        var added = wanted.Where(m => !present.Contains(m.Phone)).ToList();
        db.Participants.AddRange(added.Select(m => m.ToParticipant(now)));
        await db.SaveChangesAsync(cancellationToken);

        await output.WriteLineAsync($"Added {added.Count} demo mentors ({mentors - added.Count} were there already).");
        if (added.Count > 0)
        {
            await output.WriteLineAsync(
                $"Fields: {Spread(added.Select(m => m.Field))}; tracks: {Spread(added.Select(m => m.Track.ToString().ToLowerInvariant()))}; "
                + $"partner companies: {Spread(added.Select(m => m.PartnerCompany ?? "none"))}.");
        }

        return 0;
    }

    static string Spread(IEnumerable<string> values) =>
        string.Join(", ", values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
}
