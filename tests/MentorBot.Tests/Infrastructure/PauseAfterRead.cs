using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MentorBot.Tests.Infrastructure;

/// <summary>
/// Holds a context's unit of work still right after its first query whose SQL contains <paramref name="marker"/> has
/// run, until the test releases it: what another transaction does then lands between that query and the rest.
/// </summary>
public sealed class PauseAfterRead(string marker) : DbCommandInterceptor
{
    readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the query has run and the unit of work is held.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(marker, StringComparison.Ordinal) && _reached.TrySetResult())
        {
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        return result;
    }
}
