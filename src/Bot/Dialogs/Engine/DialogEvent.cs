namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>Something the host should know about or act on. The engine itself never acts.</summary>
public abstract record DialogEvent;

/// <summary>An answer to save, e.g. <c>profile.field</c> = <c>it</c>.</summary>
public sealed record AnswerStored(string Target, string Value) : DialogEvent;

/// <summary>An optional question was skipped.</summary>
public sealed record AnswerSkipped(string StepId) : DialogEvent;

/// <summary>A reply was not understood (for coordinators: where do people get stuck?).</summary>
public sealed record NotUnderstood(string StepId, int MissCount) : DialogEvent;

/// <summary>Several replies in a row were not understood: a coordinator should be offered.</summary>
public sealed record OfferCoordinator(string StepId) : DialogEvent;

public sealed record GlobalCommandReceived(GlobalCommand Command) : DialogEvent;

/// <summary>The person chose another language; the host saves it and passes it in from now on.</summary>
public sealed record LanguageChanged(string Language) : DialogEvent;

/// <summary>The dialog hands over to another dialog, which the host starts.</summary>
public sealed record GotoDialogRequested(string DialogId) : DialogEvent;

public sealed record DialogEnded(string DialogId, string StepId) : DialogEvent;

/// <summary>The saved step no longer exists in the current dialog version, so the dialog started over.</summary>
public sealed record DialogRestarted(string DialogId, string MissingStepId) : DialogEvent;
