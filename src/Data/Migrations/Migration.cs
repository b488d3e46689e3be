using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Data.Migrations;

/// <summary>One versioned SQL file, e.g. <c>0002_add_outbox.sql</c>: version 2, name "add_outbox".</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string FileName => $"{Version:D4}_{Name}.sql";

    /// <summary>SHA-256 of the file's text with line endings normalised, so a checkout on Windows doesn't look "changed".</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public static Migration Parse(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_');
        if (separator <= 0 || !int.TryParse(stem[..separator], out var version) || version <= 0 || stem.Length == separator + 1)
        {
            throw new MigrationException($"Migration file '{fileName}' must be named NNNN_description.sql with NNNN > 0.");
        }

        return new Migration(version, stem[(separator + 1)..], sql);
    }
}
