using MentorBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// The console in Debian's Chromium on a tablet-sized screen: a coordinator logs in, finds a mentee, reads
/// her Arabic transcript, takes over, answers — and the answer leaves as an SMS through the Twilio API
/// (a fake api.twilio.com) — then hands her back to the bot.
/// </summary>
public sealed class ConsolePageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_coordinator_finds_a_mentee_reads_her_Arabic_transcript_takes_over_and_her_answer_goes_out_by_SMS()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await ConsoleTestData.SeedSurveysAsync(database, data);
        await using var twilio = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database, twilio.BaseUrl));
        SetDefaultExpectTimeout(20_000);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1024, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(bot.BaseAddress, "/console").ToString());

        // Sent to the login, which she fills in by its labels.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to MentorBot" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(ConsoleTestData.EmailA);
        await page.GetByLabel("Password").FillAsync(ConsoleTestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        // She asked for a coordinator: the queue shows her.
        await Expect(page.Locator("#coordinator-queue").GetByRole(AriaRole.Link, new() { Name = ConsoleTestData.MenteeNameA })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await page.GetByLabel("Name or phone number (part of)").FillAsync("20000001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        Assert.DoesNotContain("20000001", page.Url); // the search is not in the address
        await page.Locator("#people").GetByRole(AriaRole.Link, new() { Name = ConsoleTestData.MenteeNameA }).ClickAsync();

        var transcript = page.Locator("#transcript");
        await Expect(transcript.GetByText(ConsoleTestData.ArabicLine)).ToBeVisibleAsync();
        await Expect(transcript).ToContainTextAsync("language ar");
        await Expect(transcript).ToContainTextAsync("delivered");
        Assert.Contains(data.MenteeA.ToString(), page.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Take over", Exact = true }).ClickAsync();
        await Expect(page.Locator("#person-notice")).ToHaveTextAsync("Conversation taken over.");
        await Expect(transcript).ToContainTextAsync("A coordinator took over");

        const string Answer = "مرحبا أمل، أنا آنا. سأتصل بك غدا.";
        await page.GetByLabel("Your answer").FillAsync(Answer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.Locator("#person-notice")).ToHaveTextAsync("Answer sent.");
        await Expect(transcript.GetByText(Answer)).ToBeVisibleAsync();

        await TwilioTestEnvironment.Eventually(
            () => Task.FromResult(twilio.Requests.Any(r => r.Form.GetValueOrDefault("Body") == Answer && r.Form.GetValueOrDefault("To") == ConsoleTestData.MenteePhoneA)),
            "the coordinator's answer reached Twilio's Messages API");
        var stored = Assert.Single(await TestSql.RowsAsync(database, "SELECT author, coordinator_id, channel FROM messages WHERE author = 'coordinator'"));
        Assert.Equal(["coordinator", data.CoordinatorA, "sms"], stored);

        await page.GetByRole(AriaRole.Button, new() { Name = "Hand back to the bot" }).ClickAsync();
        await Expect(page.Locator("#person-notice")).ToHaveTextAsync("Handed back to the bot.");
        await Expect(transcript).ToContainTextAsync("Handed back to the bot");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "console-person-ar.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Console.WriteLine($"Console screenshot: {screenshot}");

        // Survey results: Chart.js (served by the app, allowed by the CSP) draws every chart; the CSV downloads.
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { blocked.Add(message.Text); } };
        await page.GetByRole(AriaRole.Link, new() { Name = "Survey results", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Surveys: start against end" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => typeof Chart === 'function' && [...document.querySelectorAll('canvas[data-chart]')].every(c => c.chart)");
        // Means, response rates, and the answers of each of the two indicators.
        Assert.Equal(4, await page.EvaluateAsync<int>("() => document.querySelectorAll('canvas[data-chart]').length"));
        await Expect(page.Locator("#indicators")).ToContainTextAsync("Clarity about career goals");
        Assert.Empty(blocked);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.StartsWith("survey-results-", download.SuggestedFilename);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "artifacts", "console-surveys.png"), FullPage = true });
    }
}
