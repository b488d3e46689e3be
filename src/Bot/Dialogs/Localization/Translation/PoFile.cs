using System.Text;

namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>
/// gettext PO, the format Weblate, Crowdin and Poedit read and write: <c>msgctxt</c> is the key,
/// <c>msgid</c> the base text, <c>msgstr</c> her language's text; a <c>#.</c> comment tells the translator
/// the SMS budget and placeholders, <c>#:</c> where the text is used, and <c>#, fuzzy</c> marks a
/// translation whose base text has changed since.
/// </summary>
public static class PoFile
{
    public static string Write(string language, string baseLanguage, IReadOnlyList<TranslationEntry> entries, Func<TranslationEntry, string> translatorNote)
    {
        var po = new StringBuilder();
        po.Append("# MentorBot texts for translators: ").Append(language).Append(". Translate msgstr; keep {placeholders}.\n");
        po.Append("msgid \"\"\nmsgstr \"\"\n");
        po.Append("\"Language: ").Append(language).Append("\\n\"\n");
        po.Append("\"Source-Language: ").Append(baseLanguage).Append("\\n\"\n");
        po.Append("\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n");
        po.Append("\"X-Generator: MentorBot locales export\\n\"\n");
        foreach (var entry in entries)
        {
            po.Append('\n');
            foreach (var line in translatorNote(entry).Split('\n')) po.Append("#. ").Append(line).Append('\n');
            foreach (var place in entry.UsedIn) po.Append("#: ").Append(place).Append('\n');
            if (entry.State == TranslationState.Outdated) po.Append("#, fuzzy\n");
            po.Append("msgctxt ").Append(Quote(entry.Key)).Append('\n');
            po.Append("msgid ").Append(Quote(entry.Source)).Append('\n');
            po.Append("msgstr ").Append(Quote(entry.Translation ?? "")).Append('\n');
        }
        return po.ToString();
    }

    /// <summary>The language from the header and the entries; a malformed file is an <see cref="InvalidDataException"/> naming the line.</summary>
    public static (string? Language, IReadOnlyList<TranslatedEntry> Entries) Read(string text)
    {
        var entries = new List<TranslatedEntry>();
        string? language = null;
        string? context = null, source = null, translation = null, field = null;
        var fuzzy = false;
        var lineNumber = 0;

        void Finish()
        {
            if (source is null) return;
            if (context is null && source.Length == 0)
            {
                language = (translation ?? "").Split('\n').Select(h => h.Split(':', 2)).Where(h => h.Length == 2 && h[0].Trim() == "Language")
                    .Select(h => h[1].Trim()).FirstOrDefault();
            }
            else if (context is null)
            {
                throw new InvalidDataException($"line {lineNumber}: an entry without msgctxt (the key); export the file again and translate that one.");
            }
            else
            {
                entries.Add(new TranslatedEntry(context, source, translation ?? "", fuzzy));
            }
            (context, source, translation, field, fuzzy) = (null, null, null, null, false);
        }

        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("#,", StringComparison.Ordinal))
            {
                if (source is not null) Finish();
                fuzzy |= line[2..].Split(',').Any(flag => flag.Trim() == "fuzzy");
                continue;
            }
            if (line.StartsWith('#')) continue;
            if (line.StartsWith("msgctxt ", StringComparison.Ordinal))
            {
                if (source is not null) Finish();
                (field, context) = ("msgctxt", Unquote(line[8..], lineNumber));
            }
            else if (line.StartsWith("msgid ", StringComparison.Ordinal))
            {
                if (source is not null) Finish();
                (field, source) = ("msgid", Unquote(line[6..], lineNumber));
            }
            else if (line.StartsWith("msgstr ", StringComparison.Ordinal))
            {
                (field, translation) = ("msgstr", Unquote(line[7..], lineNumber));
            }
            else if (line.StartsWith('"'))
            {
                var more = Unquote(line, lineNumber);
                switch (field)
                {
                    case "msgctxt": context += more; break;
                    case "msgid": source += more; break;
                    case "msgstr": translation += more; break;
                    default: throw new InvalidDataException($"line {lineNumber}: text outside msgctxt, msgid or msgstr.");
                }
            }
            else
            {
                throw new InvalidDataException($"line {lineNumber}: not PO: {line}");
            }
        }
        Finish();
        return (language, entries);
    }

    static string Quote(string text)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
        // A multi-line text the way PO tools write it: an empty first string, then one string per line.
        if (!escaped.Contains('\n')) return $"\"{escaped}\"";
        var lines = escaped.Split('\n');
        return "\"\"\n" + string.Join('\n', lines.Select((l, i) => i < lines.Length - 1 ? $"\"{l}\\n\"" : $"\"{l}\"").Where(l => l != "\"\""));
    }

    static string Unquote(string quoted, int lineNumber)
    {
        quoted = quoted.Trim();
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"') throw new InvalidDataException($"line {lineNumber}: a string must be in double quotes.");
        var body = quoted[1..^1];
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\') { text.Append(body[i]); continue; }
            if (++i >= body.Length) throw new InvalidDataException($"line {lineNumber}: a string ends with a lone backslash.");
            text.Append(body[i] switch
            {
                'n' => '\n', 't' => '\t', '"' => '"', '\\' => '\\', 'r' => '\r',
                var other => throw new InvalidDataException($"line {lineNumber}: unknown escape \\{other}."),
            });
        }
        return text.ToString();
    }
}
