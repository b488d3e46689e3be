namespace MentorBot.Bot.Conversations;

/// <summary>What an inbound message did to the person's opt-out, decided before any dialog runs.</summary>
public enum OptOutChange
{
    /// <summary>An ordinary message (HELP and INFO included: the dialogs answer those).</summary>
    None,

    /// <summary>STOP or one of its synonyms, or Twilio's <c>OptOutType=STOP</c>: she is opted out.</summary>
    OptedOut,

    /// <summary>START or UNSTOP, or Twilio's <c>OptOutType=START</c>: she may be written to again.</summary>
    OptedIn,
}
