using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentorBot.Data;

/// <summary>The one Npgsql data source and pooled EF Core context of a MentorBot process (the app and the scheduler-only worker).</summary>
public static class MentorBotDataSource
{
    /// <summary>
    /// Statements each connection prepares once it has seen them a few times, unless the connection string says
    /// otherwise: the same few statements run for every message, and PostgreSQL then skips parsing and planning them.
    /// That was a third of the database's work per inbound SMS (docs/benchmarks.md). <c>Max Auto Prepare=0</c> turns it
    /// off, as a pooler in transaction mode without prepared-statement support needs (docs/deployment.md).
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static void AddMentorBotDb(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => Create(connectionString));
        services.AddDbContextPool<MentorBotDb>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
    }

    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!Names(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.Build();
    }

    static bool Names(string connectionString, params string[] keys)
    {
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(parsed.ContainsKey); // the generic builder compares keys case-insensitively
    }
}
