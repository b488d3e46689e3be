namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>
/// Names of the values a dialog reads and writes. <c>profile.*</c> and <c>answers.*</c> are written by
/// questions and store steps; <c>results.*</c> only by the host's answer to an action step.
/// </summary>
public static class VariablePath
{
    public const string Profile = "profile.";
    public const string Answers = "answers.";
    public const string Results = "results.";

    public static bool IsStoreTarget(string path) => HasName(path, Profile) || HasName(path, Answers);

    public static bool IsReadable(string path) => IsStoreTarget(path) || HasName(path, Results);

    private static bool HasName(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length;
}
