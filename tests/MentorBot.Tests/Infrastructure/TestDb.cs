using MentorBot.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Infrastructure;

/// <summary>A <see cref="MentorBotDb"/> on a test database, configured as the app configures it.</summary>
public static class TestDb
{
    public static MentorBotDb Open(string connectionString) =>
        new(new DbContextOptionsBuilder<MentorBotDb>().UseNpgsql(connectionString).Options);
}
