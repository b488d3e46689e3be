using System.Xml;
using System.Xml.Linq;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// XLIFF 1.2, the XML format Weblate, Crowdin, Poedit, memoQ and Trados all read and write (2.0 is read by fewer of
/// them), with the same content as <see cref="PoFile"/>: one <c>trans-unit</c> per key (<c>id</c> and <c>resname</c>),
/// the base text as <c>source</c>, her language's as <c>target</c>, the SMS budget and placeholders as a
/// <c>note</c>, where the text is used as a <c>context-group</c>, and the target's <c>state</c>: <c>translated</c>,
/// <c>needs-translation</c> (empty), or <c>needs-review-translation</c> for an outdated one (PO's fuzzy).
/// </summary>
public static class XliffFile
{
    static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>The states that mean "not yet checked by the translator", as PO's fuzzy: imported as they were.</summary>
    static readonly string[] NeedsReview = ["needs-review-translation", "needs-review-adaptation", "needs-review-l10n"];

    public static string Write(string language, string baseLanguage, IReadOnlyList<TranslationEntry> entries, Func<TranslationEntry, string> translatorNote)
    {
        var body = new XElement(Xliff + "body", entries.Select(entry => new XElement(Xliff + "trans-unit",
            new XAttribute("id", entry.Key),
            new XAttribute("resname", entry.Key),
            new XAttribute(XNamespace.Xml + "space", "preserve"),
            new XElement(Xliff + "source", entry.Source),
            new XElement(Xliff + "target", new XAttribute("state", State(entry)), entry.Translation ?? ""),
            new XElement(Xliff + "note", new XAttribute("from", "developer"), translatorNote(entry)),
            entry.UsedIn.Select(place => new XElement(Xliff + "context-group", new XAttribute("purpose", "location"),
                new XElement(Xliff + "context", new XAttribute("context-type", "sourcefile"), place))))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XComment($" MentorBot texts for translators: {language}. Translate each target; keep {{placeholders}}. "),
            new XElement(Xliff + "xliff", new XAttribute("version", "1.2"),
                new XElement(Xliff + "file",
                    new XAttribute("original", "mentorbot/locales"), new XAttribute("datatype", "plaintext"),
                    new XAttribute("source-language", baseLanguage), new XAttribute("target-language", language),
                    new XElement(Xliff + "header", new XElement(Xliff + "tool", new XAttribute("tool-id", "mentorbot"), new XAttribute("tool-name", "MentorBot locales export"))),
                    body)));
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, NewLineChars = "\n" }))
        {
            document.Save(writer);
        }

        return text + "\n";
    }

    /// <summary>The target language and the units; a file that is not XLIFF 1.2 is an <see cref="InvalidDataException"/> saying where.</summary>
    public static (string? Language, IReadOnlyList<TranslatedEntry> Entries) Read(string text)
    {
        XDocument document;
        try
        {
            // No DTD: an XLIFF file never needs one, and a DTD is how a file would pull in other files or blow up in memory.
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"line {e.LineNumber}: not well-formed XML: {e.Message}");
        }

        if (document.Root is not { } root || root.Name != Xliff + "xliff" || (string?)root.Attribute("version") != "1.2")
        {
            throw new InvalidDataException("not an XLIFF 1.2 file (<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">); export the file again.");
        }

        var files = root.Elements(Xliff + "file").ToList();
        if (files.Count != 1)
        {
            throw new InvalidDataException($"the file holds {files.Count} <file> elements; it must hold exactly the one MentorBot wrote.");
        }

        var entries = new List<TranslatedEntry>();
        foreach (var unit in files[0].Descendants(Xliff + "trans-unit"))
        {
            var line = ((IXmlLineInfo)unit).LineNumber;
            var key = (string?)unit.Attribute("resname") ?? (string?)unit.Attribute("id")
                ?? throw new InvalidDataException($"line {line}: a trans-unit without id (the key); export the file again and translate that one.");
            var source = unit.Element(Xliff + "source") ?? throw new InvalidDataException($"line {line}: {key} has no <source>.");
            var target = unit.Element(Xliff + "target");
            if (source.HasElements || target?.HasElements == true)
            {
                throw new InvalidDataException($"line {line}: {key} has markup inside its text; MentorBot's texts are plain text, with {{placeholders}} as they are.");
            }

            var state = (string?)target?.Attribute("state") ?? "";
            entries.Add(new TranslatedEntry(key, source.Value, target?.Value ?? "", NeedsReview.Contains(state, StringComparer.Ordinal)));
        }

        return ((string?)files[0].Attribute("target-language"), entries);
    }

    static string State(TranslationEntry entry) => entry.State switch
    {
        TranslationState.Missing => "needs-translation",
        TranslationState.Outdated => "needs-review-translation",
        _ => "translated",
    };

    /// <summary>A StringWriter that declares UTF-8 in the XML declaration (the file is written as UTF-8).</summary>
    sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
