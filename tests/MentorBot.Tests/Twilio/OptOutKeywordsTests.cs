using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Conversations;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Twilio;

/// <summary>The keywords as shipped: Twilio's in locales/optout.yaml and each language's STOP and START words.</summary>
public sealed class OptOutKeywordsTests
{
    static readonly OptOutKeywords Shipped = OptOutKeywords.Load(Path.Combine(BotProcess.RepositoryRoot, "locales", OptOutKeywords.FileName));

    [Theory]
    [InlineData("STOP", null, OptOutChange.OptedOut, "the keyword itself")]
    [InlineData("stop", null, OptOutChange.OptedOut, "lower case")]
    [InlineData("  Stop!  ", null, OptOutChange.OptedOut, "whitespace and punctuation around it")]
    [InlineData("ＳＴＯＰ", null, OptOutChange.OptedOut, "full-width letters")]
    [InlineData("opt-out", null, OptOutChange.OptedOut, "OPTOUT written with a dash")]
    [InlineData("unsubscribe.", null, OptOutChange.OptedOut, "UNSUBSCRIBE with a full stop")]
    [InlineData("StopAll", null, OptOutChange.OptedOut, "STOPALL")]
    [InlineData("cancel", null, OptOutChange.OptedOut, "CANCEL")]
    [InlineData("end", null, OptOutChange.OptedOut, "END")]
    [InlineData("quit", null, OptOutChange.OptedOut, "QUIT")]
    [InlineData("revoke", null, OptOutChange.OptedOut, "REVOKE")]
    [InlineData("start", null, OptOutChange.OptedIn, "START")]
    [InlineData("Unstop", null, OptOutChange.OptedIn, "UNSTOP")]
    [InlineData("afmeld", null, OptOutChange.OptedOut, "Danish, from locales/da/keywords.yaml")]
    [InlineData("توقف", null, OptOutChange.OptedOut, "Arabic and Persian stop")]
    [InlineData("Jooji", null, OptOutChange.OptedOut, "Somali stop")]
    [InlineData("ابدئي", null, OptOutChange.OptedIn, "Arabic start")]
    [InlineData("bilow", null, OptOutChange.OptedIn, "Somali start")]
    [InlineData("stop please", null, OptOutChange.None, "more than the keyword is an ordinary message, as on Twilio")]
    [InlineData("I want to stop smoking", null, OptOutChange.None, "a keyword inside a sentence")]
    [InlineData("help", null, OptOutChange.None, "HELP is for the dialogs")]
    [InlineData("yes", null, OptOutChange.None, "YES answers questions in our dialogs, it is not an opt-in")]
    [InlineData("Stopp", "STOP", OptOutChange.OptedOut, "Twilio's Advanced Opt-Out knew a keyword we don't")]
    [InlineData("Begynd", "START", OptOutChange.OptedIn, "Twilio's OptOutType=START")]
    [InlineData("hjælp", "HELP", OptOutChange.None, "Twilio's OptOutType=HELP changes nothing")]
    public void Classifies(string text, string? optOutType, OptOutChange expected, string reason)
    {
        Assert.True(expected == Shipped.Classify(text, optOutType), reason);
    }

    [Fact]
    public void A_word_in_both_lists_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new OptOutKeywords(["STOP", "stop!"], ["Stop"]));
        Assert.Contains("STOP", error.Message);
    }
}
