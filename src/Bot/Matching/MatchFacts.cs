using MentorBot.Data.Model;

namespace MentorBot.Bot.Matching;

/// <summary>What scoring knows of a mentee: her signup profile, nothing else.</summary>
public sealed record MenteeFacts(
    Guid Id,
    Track Track,
    Guid? BranchId,
    string? City,
    string? Field,
    string? Profession,
    EducationLevel? EducationLevel,
    IReadOnlyList<string> Goals,
    IReadOnlyList<string> Languages,
    DanishLevel? DanishLevel)
{
    // Compared with every mentor: normalised once, not per pair (and again after a `with` changed the text).
    readonly NormalizedText _profession = new();
    readonly NormalizedText _city = new();

    internal string ProfessionKey => _profession.Of(Profession);

    internal string CityKey => _city.Of(City);
}

/// <summary>What scoring knows of a mentor: her signup profile, her places and how many are taken.</summary>
/// <param name="Available">Active, not opted out: she can be asked at all.</param>
/// <param name="Load">Matches she has now (active or waiting for a coordinator's approval).</param>
/// <param name="HasHadMatch">She has had a mentee before (any match that started or waits to start).</param>
public sealed record MentorFacts(
    Guid Id,
    Track Track,
    Guid? BranchId,
    string? City,
    string? Field,
    string? Profession,
    EducationLevel? EducationLevel,
    IReadOnlyList<string> Offers,
    IReadOnlyList<string> Languages,
    int Capacity,
    int Load,
    bool HasHadMatch,
    string? PartnerCompany,
    bool Available = true)
{
    public int FreePlaces => Math.Max(0, Capacity - Load);

    // Her partner company's program, resolved once per options and company text (normalising the
    // company name per pair allocated a string for every pair the batch proposal scored). One immutable
    // holder, so a reader on another thread never sees half of it.
    ResolvedProgram? _program;

    internal (string Code, IReadOnlyList<string> Fields)? PartnerProgram(MatchingOptions options)
    {
        var resolved = _program;
        if (resolved is null || !ReferenceEquals(resolved.Options, options) || !ReferenceEquals(resolved.Company, PartnerCompany))
        {
            resolved = new ResolvedProgram(options, PartnerCompany, MatchScoring.PartnerProgramFor(PartnerCompany, options));
            _program = resolved;
        }

        return resolved.Program;
    }

    sealed record ResolvedProgram(MatchingOptions Options, string? Company, (string Code, IReadOnlyList<string> Fields)? Program);

    readonly NormalizedText _profession = new();
    readonly NormalizedText _city = new();

    internal string ProfessionKey => _profession.Of(Profession);

    internal string CityKey => _city.Of(City);
}

/// <summary>What has happened between this mentee and this mentor before.</summary>
public enum PairHistory
{
    None,

    /// <summary>A coordinator blocked the pair.</summary>
    Blocked,

    /// <summary>The mentor declined her request.</summary>
    Declined,

    /// <summary>Any other match row between them: asked, waiting, active, ended, expired.</summary>
    Paired,
}

/// <summary>
/// A text's comparison key, kept until the text changes. One immutable entry behind one reference:
/// mentors' facts are cached per node and read by several turns at once.
/// </summary>
sealed class NormalizedText
{
    sealed record Entry(string? Source, string Key);

    Entry? _entry;

    public string Of(string? text)
    {
        var entry = _entry;
        if (entry is null || !ReferenceEquals(text, entry.Source))
        {
            entry = new Entry(text, MatchScoring.Normalize(text));
            _entry = entry;
        }

        return entry.Key;
    }
}
