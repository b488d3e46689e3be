using Microsoft.Playwright;

namespace MentorBot.Tests.Infrastructure;

/// <summary>Debian's Chromium (scripts/test installs it), headless: Playwright never downloads a browser here.</summary>
public static class DebianChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}
