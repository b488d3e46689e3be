using MentorBot.Bot.Dialogs;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// In Debian's Chromium: Dorte, whose console speaks Danish, opens Amal's Arabic signup, reads the Danish column
/// beside the Arabic, takes over and sends a ready-made reply, which leaves in Arabic through a fake Twilio API.
/// Keeps the screenshots the docs show (docs/images/bilingual-transcript.png, bilingual-ready-replies.png).
/// </summary>
public sealed class BilingualConsolePageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_Danish_coordinator_follows_an_Arabic_conversation_in_Danish_and_answers_with_a_ready_made_reply()
    {
        var catalog = RealDialogTests.RealLibrary.Catalog;
        var database = await postgres.CreateDatabaseAsync();
        await ArabicSignup.AddDorteAsync(database);
        await using var twilio = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database, twilio.BaseUrl));
        var amal = await ArabicSignup.RunAsync(database, bot.BaseAddress);
        SetDefaultExpectTimeout(20_000);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { Locale = "da-DK", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(bot.BaseAddress, $"/console/people/{amal}").ToString());

        // A Danish browser gets the Danish login; her account's language keeps the console Danish after it.
        await page.GetByLabel("E-mail").FillAsync(ArabicSignup.DorteEmail);
        await page.GetByLabel("Adgangskode").FillAsync(ConsoleTestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.GotoAsync(new Uri(bot.BaseAddress, $"/console/people/{amal}").ToString());

        // The Danish column: the branch question as she read it in Arabic, and beside it in Danish, with her "٣" read as Esbjerg/Varde.
        var transcript = page.Locator("#transcript");
        var question = transcript.Locator("li").Filter(new() { HasText = catalog.Text("ar", "signup.ask_branch") });
        await Expect(question.Locator(".twin")).ToContainTextAsync(catalog.Text("da", "signup.ask_branch"));
        var branch = transcript.Locator("li.inbound").Filter(new() { Has = page.GetByText("٣", new() { Exact = true }) });
        await Expect(branch.Locator(".reading")).ToHaveTextAsync("→ 3 · Esbjerg/Varde");
        await Expect(transcript.Locator("li.inbound").Filter(new() { HasText = ArabicSignup.Banana })).ToContainTextAsync("ikke forstået");

        await page.GetByRole(AriaRole.Button, new() { Name = "Overtag", Exact = true }).ClickAsync();
        await Expect(page.Locator("#person-notice")).ToHaveTextAsync("Samtalen er overtaget.");
        // Each ready-made reply: her Arabic beside its Danish preview.
        await Expect(page.Locator("#ready-replies-form")).ToContainTextAsync(catalog.Text("ar", HostKeys.CoordinatorReplies.CallTomorrow));
        await page.Locator("#takeover").ScreenshotAsync(new() { Path = DocsImage("bilingual-ready-replies.png") });

        await page.GetByRole(AriaRole.Radio, new() { Name = "Jeg ringer til dig i morgen." }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send færdigt svar" }).ClickAsync();
        await Expect(page.Locator("#person-notice")).ToHaveTextAsync("Svaret er sendt.");
        var arabic = catalog.Text("ar", HostKeys.CoordinatorReplies.CallTomorrow);
        var reply = transcript.Locator("li.coordinator").Filter(new() { HasText = arabic });
        await Expect(reply.Locator(".twin")).ToContainTextAsync("Jeg ringer til dig i morgen.");
        await TwilioTestEnvironment.Eventually(
            () => Task.FromResult(twilio.Posts.Any(r => r.Form.GetValueOrDefault("Body") == arabic && r.Form.GetValueOrDefault("To") == ArabicSignup.Phone)),
            "the ready-made reply reached Twilio's Messages API in Arabic");

        // The docs' picture: from the branch question down, the two columns side by side.
        await question.ScrollIntoViewIfNeededAsync();
        var top = (await question.BoundingBoxAsync())!.Y + await page.EvaluateAsync<float>("() => window.scrollY");
        await page.ScreenshotAsync(new() { Path = DocsImage("bilingual-transcript.png"), FullPage = true, Clip = new() { X = 0, Y = top - 60, Width = 1280, Height = 1000 } });
    }

    static string DocsImage(string name)
    {
        var path = Path.Combine(BotProcess.RepositoryRoot, "docs", "images", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Console.WriteLine($"Screenshot: {path}");
        return path;
    }
}
