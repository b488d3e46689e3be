using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Bot.SurveyResults;

/// <summary>Chart.js's <c>data</c> object: <c>{"labels": […], "datasets": [{"label": …, "data": […]}]}</c>.</summary>
public sealed record ChartData(IReadOnlyList<string> Labels, IReadOnlyList<ChartDataset> Datasets)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The JSON to hand to <c>new Chart(canvas, {type, data})</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One series. <see cref="Label"/> is a code (<c>start</c>, <c>end</c>, <c>sent</c>…) the console translates; null data is a gap.</summary>
public sealed record ChartDataset(string Label, IReadOnlyList<double?> Data);

/// <summary>The charts the console draws from a report; labels are indicator, answer and survey-kind codes for it to translate.</summary>
public static class SurveyCharts
{
    /// <summary>Mean start and mean end per scale indicator (a bar chart).</summary>
    public static ChartData Means(SurveyComparisonReport report)
    {
        var scales = report.Indicators.Where(i => i.MeanStart is not null).ToList();
        return new ChartData(
            scales.Select(i => i.Indicator).ToList(),
            [new ChartDataset("start", scales.Select(i => i.MeanStart).ToList()), new ChartDataset("end", scales.Select(i => i.MeanEnd).ToList())]);
    }

    /// <summary>How many answered each value at start and at end, for one indicator.</summary>
    public static ChartData Distribution(IndicatorComparison indicator) => new(
        indicator.Distribution.Select(v => v.Value).ToList(),
        [
            new ChartDataset("start", indicator.Distribution.Select(v => (double?)v.Start).ToList()),
            new ChartDataset("end", indicator.Distribution.Select(v => (double?)v.End).ToList()),
        ]);

    /// <summary>Sent and completed per survey kind.</summary>
    public static ChartData ResponseRates(SurveyComparisonReport report) => new(
        report.ResponseRates.Select(r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.Kind.ToString())).ToList(),
        [
            new ChartDataset("sent", report.ResponseRates.Select(r => (double?)r.Sent).ToList()),
            new ChartDataset("completed", report.ResponseRates.Select(r => (double?)r.Completed).ToList()),
        ]);
}
