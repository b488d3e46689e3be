namespace MentorBot.Bot.Privacy;

public enum ErasureOutcome
{
    /// <summary>Her personal data was removed or anonymised just now.</summary>
    Erased,

    /// <summary>She had been erased before; nothing changed (erasure is idempotent).</summary>
    AlreadyErased,

    /// <summary>No such person in the acting coordinator's branches.</summary>
    NotFound,
}

/// <summary>What an erasure did: the outcome and how many rows each step touched (counts only, as in the audit log).</summary>
public sealed record ErasureResult(ErasureOutcome Outcome, IReadOnlyDictionary<string, int> Rows)
{
    public static ErasureResult NotFound { get; } = new(ErasureOutcome.NotFound, new Dictionary<string, int>());

    public static ErasureResult AlreadyErased { get; } = new(ErasureOutcome.AlreadyErased, new Dictionary<string, int>());
}
