using MentorBot.Bot.PhoneLinking;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>The actions dialogs may call, by name. Startup fails if a dialog names one that is not here.</summary>
public sealed class DialogActions(IEnumerable<IDialogAction> actions)
{
    readonly Dictionary<string, IDialogAction> _byName = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _byName.Keys;

    public IDialogAction Get(string name) =>
        _byName.TryGetValue(name, out var action)
            ? action
            : throw new InvalidOperationException($"No dialog action named '{name}'.");

    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>Every action MentorBot has (they are stateless: the turn's unit of work comes with each call).</summary>
    /// <param name="phoneLink">The <c>PhoneLink</c> configuration; its defaults when not given.</param>
    /// <param name="matching">The <c>Matching</c> configuration; its defaults when not given.</param>
    public static DialogActions All(PhoneLinkOptions? phoneLink = null, MentorBot.Bot.Matching.MatchingOptions? matching = null) => new(
    [
        new SendPhoneCode(phoneLink ?? new()), new VerifyPhoneCode(phoneLink ?? new()),
        new RecordConsent(), new CompleteSignup(), new DescribeMyData(), new RequestDeletion(), new RequestCoordinator(),
        new GetMatchSuggestions(matching ?? new()), new SendMatchRequest(), new AnswerMatchRequest(),
        new SaveMeetingReport(), new SaveSurvey(), new RegisterForEvent(),
    ]);
}
