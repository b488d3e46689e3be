using System.Globalization;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>The filters and paging of a <c>GET …/Messages.json</c> the simulator understands, read from the query string.</summary>
public sealed record SimulatorMessageQuery(string? To, string? From, DateTimeOffset? SentOn, DateTimeOffset? SentAfter, DateTimeOffset? SentBefore, int PageSize, int Page)
{
    const int DefaultPageSize = 50;
    const int MaxPageSize = 1000;

    public static SimulatorMessageQuery? TryParse(IQueryCollection query, out string? error)
    {
        error = null;
        string? Value(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        DateTimeOffset? sentOn = null, after = null, before = null;
        foreach (var (name, set) in new (string, Action<DateTimeOffset>)[] { ("DateSent", d => sentOn = d), ("DateSent>", d => after = d), ("DateSent<", d => before = d) })
        {
            if (Value(name) is not { } text)
            {
                continue;
            }

            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                error = $"{name} must be a date (YYYY-MM-DD) or a time in ISO 8601, not '{text}'.";
                return null;
            }

            // A day alone means the whole day: "DateSent<" a day is on or before it.
            set(name == "DateSent<" && text.Length == 10 ? date.AddDays(1).AddTicks(-1) : date);
        }

        var pageSize = DefaultPageSize;
        if (Value("PageSize") is { } size && (!int.TryParse(size, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            error = $"PageSize must be between 1 and {MaxPageSize}.";
            return null;
        }

        var page = 0;
        if (Value("Page") is { } number && (!int.TryParse(number, out page) || page < 0))
        {
            error = "Page must be 0 or more.";
            return null;
        }

        return new SimulatorMessageQuery(Value("To"), Value("From"), sentOn, after, before, pageSize, page);
    }

    public bool Matches(string to, string? from, DateTimeOffset? sent) =>
        (To is null || string.Equals(To, to, StringComparison.OrdinalIgnoreCase))
        && (From is null || string.Equals(From, from, StringComparison.OrdinalIgnoreCase))
        && (SentOn is null || (sent is { } s1 && s1.UtcDateTime.Date == SentOn.Value.UtcDateTime.Date))
        && (SentAfter is null || (sent is { } s2 && s2 >= SentAfter))
        && (SentBefore is null || (sent is { } s3 && s3 <= SentBefore));

    /// <summary>The same query for page <paramref name="page"/>, as Twilio writes it in <c>next_page_uri</c>.</summary>
    public string ToQueryString(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
            }
        }

        static string? Iso(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Add("To", To);
        Add("From", From);
        Add("DateSent", SentOn?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("DateSent>", Iso(SentAfter));
        Add("DateSent<", Iso(SentBefore));
        Add("PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        Add("Page", page.ToString(CultureInfo.InvariantCulture));
        return "?" + string.Join('&', parts);
    }
}
