using System.Globalization;
using System.Text;

namespace MentorBot.Bot.SurveyResults;

/// <summary>
/// The pairs as CSV (RFC 4180: comma separated, CRLF line ends, a field with a comma, quote or line break
/// in double quotes with its quotes doubled), UTF-8 with a byte-order mark so Excel reads æøå and Arabic
/// right. One row per mentee × indicator; mentees by anonymous id only.
/// </summary>
public static class SurveyResultsCsv
{
    public static readonly string[] Header = ["mentee", "branch", "indicator", "start", "end", "change", "start_completed_at", "end_completed_at"];

    public static byte[] ToUtf8(SurveyComparisonReport report)
    {
        var text = new StringBuilder();
        Row(text, Header);
        foreach (var pair in report.Pairs)
        {
            Row(text, [
                pair.Mentee, pair.BranchCode ?? "", pair.Indicator, pair.Start, pair.End,
                pair.Change?.ToString(CultureInfo.InvariantCulture) ?? "",
                pair.StartCompletedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                pair.EndCompletedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    static void Row(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(fields[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>One field, quoted when it must be.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
