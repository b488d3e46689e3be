using Microsoft.EntityFrameworkCore;

namespace MentorBot.Data;

public static class TrackedRows
{
    /// <summary>
    /// The rows of one type the context tracks (not deleted), read without detecting changes first. <c>DbSet.Local</c>
    /// scans every tracked entity for changes on each call: with a batch of turns in one context (inbound group commit),
    /// a lookup per turn made that quadratic. Fit for lookups by values set when the row was created or changed through
    /// its object, which is how a turn writes.
    /// </summary>
    public static IEnumerable<T> Tracked<T>(this DbContext db) where T : class
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. db.Set<T>().Local];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
