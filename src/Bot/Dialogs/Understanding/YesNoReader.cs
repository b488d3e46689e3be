using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Understanding;

public static class YesNoReader
{
    /// <summary>
    /// True for yes, false for no, null when neither or both were said. Extra words are allowed
    /// ("yes please", "نعم، موافقة"). "1" and "2" also work because the question is shown as a
    /// numbered list (1 = yes, 2 = no).
    /// </summary>
    public static bool? Read(string reply, LanguageKeywords keywords)
    {
        var words = TextNormalizer.Words(reply);
        if (words is ["1"]) return true;
        if (words is ["2"]) return false;

        var finder = new PhraseFinder<bool>().Add(true, keywords.Yes).Add(false, keywords.No);
        var said = finder.FindAll(words).Select(match => match.Value).Distinct().ToList();
        return said.Count == 1 ? said[0] : null;
    }
}
