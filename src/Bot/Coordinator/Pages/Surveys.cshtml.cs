using System.Globalization;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.SurveyResults;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// Start against end surveys for her branches and a period (default: the last 12 months), through
/// <see cref="SurveyComparison"/> (which audits every view and export): a table per indicator, the
/// response rates, and charts drawn by /console/assets/surveys.js with Chart.js from the JSON in each
/// canvas's data attribute (the CSP allows no inline script). The CSV is a POST download. The period and
/// branch are in the URL: they are no personal data.
/// </summary>
public sealed class SurveysModel(MentorBotDb db, ConsoleAccessReader accessReader, SurveyComparison comparison, ConsoleText text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? BranchId { get; set; }

    public List<Branch> Branches { get; private set; } = [];

    public SurveyComparisonReport Report { get; private set; } = null!;

    public string MeansChart { get; private set; } = "";

    public string RatesChart { get; private set; } = "";

    public List<(IndicatorComparison Indicator, string Chart)> Distributions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Query() is not { } query)
        {
            return BadRequest();
        }

        var access = await accessReader.ReadAsync(cancellationToken);
        Branches = await access.Filter(db.Branches).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        Report = await comparison.CompareAsync(query, access, cancellationToken);
        MeansChart = Translated(SurveyCharts.Means(Report), Indicator).ToJson();
        RatesChart = Translated(SurveyCharts.ResponseRates(Report), kind => text.OrElse($"surveys.kind.{kind}", kind)).ToJson();
        Distributions = Report.Indicators
            .Select(i => (i, Translated(SurveyCharts.Distribution(i), value => text.OrElse($"surveys.value.{value}", value)).ToJson()))
            .ToList();
        return Page();
    }

    /// <summary>The pairs as CSV (UTF-8 with a BOM), named by the period only.</summary>
    public async Task<IActionResult> OnPostCsvAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Query() is not { } query)
        {
            return BadRequest();
        }

        var access = await accessReader.ReadAsync(cancellationToken);
        var csv = await comparison.ExportCsvAsync(query, access, cancellationToken);
        return File(csv, "text/csv; charset=utf-8", $"survey-results-{FromDate:yyyy-MM-dd}-{ToDate:yyyy-MM-dd}.csv");
    }

    /// <summary>An indicator code in the console's language (the code itself when no text exists yet).</summary>
    public string Indicator(string code) => text.OrElse($"surveys.indicator.{code}", code);

    public DateOnly FromDate => From ?? ToDate.AddMonths(-12);

    public DateOnly ToDate => To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>[From 00:00 UTC, the day after To 00:00 UTC): both days count. Null when the period is backwards or longer than 10 years.</summary>
    SurveyResultsQuery? Query()
    {
        var from = new DateTimeOffset(FromDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(ToDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return from >= to || to - from > TimeSpan.FromDays(3660) ? null : new SurveyResultsQuery(BranchId is { } b ? [b] : null, from, to);
    }

    ChartData Translated(ChartData chart, Func<string, string> label) => new(
        chart.Labels.Select(label).ToList(),
        chart.Datasets.Select(d => d with { Label = text.OrElse($"surveys.series.{d.Label}", d.Label) }).ToList());

    public string Number(double? value) => value is { } v ? v.ToString("0.00", text.Culture) : "–";

    public string Percent(double? value) => value is { } v ? v.ToString("P0", text.Culture) : "–";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
