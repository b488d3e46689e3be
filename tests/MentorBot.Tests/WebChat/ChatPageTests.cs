using MentorBot.Tests.Dialogs;
using MentorBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;
using static Microsoft.Playwright.Assertions;

namespace MentorBot.Tests.WebChat;

/// <summary>
/// The /chat page in Debian's Chromium (Microsoft.Playwright): Microsoft's Web Chat, served by MentorBot,
/// on a phone-sized screen with an Arabic browser, through the language choice and the first signup steps.
/// </summary>
public sealed class ChatPageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_Arabic_speaker_is_welcomed_in_Arabic_starts_signing_up_right_to_left_and_a_reload_resumes()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var catalog = TestCatalog.Instance;
        SetDefaultExpectTimeout(20_000);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new()
        {
            Locale = "ar-SA", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(bot.BaseAddress, "/chat").ToString());

        // Her browser speaks Arabic: the page is right to left before anything is said.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        // The bot welcomes her in Arabic and asks her role at once: no language menu.
        await Expect(BotSaid(page, catalog.Text("ar", "welcome.greeting"))).ToBeVisibleAsync();
        await Expect(BotSaid(page, catalog.Text("ar", "welcome.ask_role"))).ToBeVisibleAsync();

        // Choices are buttons.
        await Choice(page, catalog.Text("ar", "welcome.ask_role.choice.mentee")).ClickAsync();
        await Expect(BotSaid(page, catalog.Text("ar", "signup.ask_name"))).ToBeVisibleAsync();

        // Typed with the keyboard, sent with Enter.
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FocusAsync();
        await page.Keyboard.TypeAsync("أمل");
        await page.Keyboard.PressAsync("Enter");
        await Expect(BotSaid(page, catalog.Text("ar", "signup.ask_branch"))).ToBeVisibleAsync();
        await Expect(Choice(page, catalog.Text("ar", "signup.ask_branch.choice.copenhagen"))).ToBeVisibleAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.True(await page.Locator("#webchat [dir='rtl']").CountAsync() > 0, "Web Chat itself is rendered right to left");

        // A reload resumes the same conversation: what was said is still there, and the next answer continues it.
        await page.ReloadAsync();
        await Expect(BotSaid(page, catalog.Text("ar", "signup.ask_branch"))).ToBeVisibleAsync();
        await Expect(page.Locator("#webchat").GetByText("أمل", new() { Exact = true }).Last).ToBeVisibleAsync();
        await Choice(page, catalog.Text("ar", "signup.ask_branch.choice.copenhagen")).ClickAsync();
        await Expect(BotSaid(page, catalog.Text("ar", "signup.ask_city"))).ToBeVisibleAsync();

        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "webchat-signup-ar.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");
        Console.WriteLine($"Web chat screenshot: {screenshot}");
    }

    [Fact]
    public async Task A_Persian_browser_is_welcomed_in_Persian_with_Web_Chats_own_words_in_Persian()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var catalog = TestCatalog.Instance;
        SetDefaultExpectTimeout(20_000);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { Locale = "fa-IR", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(bot.BaseAddress, "/chat").ToString());

        // No language menu: the welcome is Persian, and so is Web Chat's send box (Web Chat has no Persian of its own).
        await Expect(BotSaid(page, catalog.Text("fa", "welcome.greeting"))).ToBeVisibleAsync();
        await Expect(BotSaid(page, catalog.Text("fa", "welcome.ask_role"))).ToBeVisibleAsync();
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await Expect(sendBox).ToHaveAttributeAsync("placeholder", catalog.Text("fa", "webchat.type_your_message"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        // "سلام" could be Arabic or Urdu too, but her browser says Persian: it is not taken for a new language.
        await sendBox.FocusAsync();
        await page.Keyboard.TypeAsync("سلام");
        await page.Keyboard.PressAsync("Enter");
        await Expect(BotSaid(page, catalog.Text("fa", "common.not_understood"))).ToBeVisibleAsync();
        await Choice(page, catalog.Text("fa", "welcome.ask_role.choice.mentee")).ClickAsync();
        await Expect(BotSaid(page, catalog.Text("fa", "signup.ask_name"))).ToBeVisibleAsync();
        await Expect(page.GetByText(catalog.Text("ar", "common.choose_language"))).ToHaveCountAsync(0);
    }

    /// <summary>Web Chat also renders screen-reader copies of each message: the visible one is the last.</summary>
    static ILocator BotSaid(IPage page, string text) => page.Locator("#webchat").GetByText(text).Last;

    /// <summary>A suggested action: a button in Web Chat's toolbar (the live region has a hidden copy).</summary>
    static ILocator Choice(IPage page, string title) =>
        page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
}
