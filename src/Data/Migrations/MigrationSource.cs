using System.Reflection;

namespace MentorBot.Data.Migrations;

/// <summary>The migrations shipped in this assembly (Migrations/*.sql, embedded at build), in version order.</summary>
public static class MigrationSource
{
    const string Prefix = "MentorBot.Data.Migrations.";

    public static IReadOnlyList<Migration> Embedded() => Load(typeof(MigrationSource).Assembly);

    static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return Migration.Parse(name[Prefix.Length..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException($"Two migrations have version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.");
        }

        return migrations;
    }
}
