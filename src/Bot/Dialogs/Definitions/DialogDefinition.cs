namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>A validated dialog: loaded once, shared by every conversation, never changed.</summary>
public sealed record DialogDefinition(string Id, int Version, string Start, IReadOnlyList<DialogStep> Steps)
{
    private readonly Dictionary<string, DialogStep> _stepsById = Steps.ToDictionary(step => step.Id, StringComparer.Ordinal);

    public DialogStep Step(string id) => _stepsById.TryGetValue(id, out var step)
        ? step
        : throw new KeyNotFoundException($"Dialog '{Id}' has no step '{id}'.");

    public bool HasStep(string id) => _stepsById.ContainsKey(id);
}
