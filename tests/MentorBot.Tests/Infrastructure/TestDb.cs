using MentorBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MentorBot.Tests.Infrastructure;

/// <summary>A <see cref="MentorBotDb"/> on a test database, configured as the app configures it.</summary>
public static class TestDb
{
    /// <param name="interceptors">A test's hand inside the unit of work (<see cref="PauseAfterRead"/>).</param>
    public static MentorBotDb Open(string connectionString, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<MentorBotDb>().UseNpgsql(connectionString).AddInterceptors(interceptors).Options);
}
