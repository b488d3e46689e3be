using MentorBot.Bot.Dialogs.Definitions;

namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>Collects one turn's state changes, messages and events while the engine walks the steps.</summary>
internal sealed class TurnBuilder(DialogDefinition definition, DialogState state, DialogContext context)
{
    private readonly List<OutboundMessage> _messages = [];
    private readonly List<DialogEvent> _events = [];
    private readonly Dictionary<string, string> _values = new(state.Values, StringComparer.Ordinal);
    private PendingAction? _action;
    private bool _ended;

    public DialogDefinition Definition { get; } = definition;
    public DialogContext Context { get; } = context;
    public DialogState State { get; private set; } = state;

    /// <summary>Changes when the person switches language in this turn; later messages use the new one.</summary>
    public string Language { get; set; } = context.Language;

    public DialogStep CurrentStep => Definition.Step(State.StepId);

    /// <summary>How the reply was read, when it answered the current question.</summary>
    public QuestionReply? Reply { get; set; }

    public void MoveTo(string stepId) => State = State with { StepId = stepId, MissCount = 0 };

    public void Update(Func<DialogState, DialogState> change) => State = change(State);

    public void Say(string key, IReadOnlyDictionary<string, string>? arguments = null) =>
        _messages.Add(new OutboundMessage(Language, key, arguments ?? new Dictionary<string, string>(), []));

    public void Say(OutboundMessage message) => _messages.Add(message);

    public void Raise(DialogEvent dialogEvent) => _events.Add(dialogEvent);

    public void Store(string target, string value)
    {
        _values[target] = value;
        Raise(new AnswerStored(target, value));
    }

    public void Store(IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values) _values[name] = value;
    }

    public void ClearValues() => _values.Clear();

    /// <summary>A value from this dialog first, then what the host already knew; empty when unknown.</summary>
    public string Read(string path) =>
        _values.GetValueOrDefault(path) ?? Context.KnownValues.GetValueOrDefault(path) ?? "";

    public IReadOnlyDictionary<string, string> Arguments(DialogStep step) =>
        step.Args.ToDictionary(pair => pair.Key, pair => Read(pair.Value), StringComparer.Ordinal);

    public void Suspend(PendingAction action) => _action = action;

    public void End() => _ended = true;

    public DialogTurn Build() => new(
        State with { Values = new SortedDictionary<string, string>(_values, StringComparer.Ordinal) },
        _messages,
        _action,
        _events,
        _ended) { Reply = Reply };
}
