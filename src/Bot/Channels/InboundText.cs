using System.Text;
using System.Text.Json.Nodes;

namespace MentorBot.Bot.Channels;

/// <summary>
/// What a person sent, cleaned at the edge of every channel before anything reads or stores it: control characters
/// (NUL, which PostgreSQL refuses in text and jsonb, and the rest of C0 and C1 but tab and line breaks) and lone
/// UTF-16 surrogates (which no encoder turns into UTF-8) are dropped. A NUL in a web chat message used to end in a
/// failed save and a 500.
/// </summary>
public static class InboundText
{
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!IsDropped(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Every string value inside <paramref name="node"/> cleaned in place; false when a property name needs cleaning (refuse those).</summary>
    public static bool CleanJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (NeedsCleaning(name))
                    {
                        return false;
                    }

                    if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        obj[name] = Clean(text);
                    }
                    else if (!CleanJson(value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        array[i] = Clean(text);
                    }
                    else if (!CleanJson(array[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsDropped(c))
            {
                return true;
            }
        }

        return false;
    }

    static bool IsDropped(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007f' and <= '\u009f' || char.IsSurrogate(c);
}
