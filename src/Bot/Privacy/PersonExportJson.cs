using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// How the export is written: UTF-8, indented, snake_case names, enums as snake_case text. Arabic, Persian,
/// Tigrinya… are written as they are (not as \u escapes), so she can read her file; the file is a download,
/// never embedded in a page, so the relaxed encoder's unescaped &lt; and &amp; are harmless.
/// </summary>
public static class PersonExportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static byte[] ToUtf8(PersonExportDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);
}
