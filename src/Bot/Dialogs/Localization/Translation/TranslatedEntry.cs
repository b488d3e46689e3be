namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// One entry of a translated file (PO or XLIFF) as a translation tool left it: the key, the base text she translated
/// from, her text, and whether the tool marks it as not yet checked (PO's fuzzy, XLIFF's needs-review states).
/// </summary>
public sealed record TranslatedEntry(string Key, string Source, string Translation, bool Fuzzy);
