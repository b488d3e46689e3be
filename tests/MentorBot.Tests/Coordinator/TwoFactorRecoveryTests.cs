using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// Two-factor done properly, over HTTP to the real app: the enrolment page shows a QR code drawn on the server, the
/// authenticator key is encrypted in the database, and the ten recovery codes are shown once and work once each.
/// </summary>
public sealed partial class TwoFactorRecoveryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Enrolment_shows_a_QR_code_keeps_the_key_encrypted_and_its_recovery_codes_work_once_each_and_are_audited()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var anna = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);

        // The QR code: a PNG in the page itself (no script, no outside service), beside the key.
        using var enrol = await anna.GetAsync("/console/account/two-factor");
        var page = await enrol.Content.ReadAsStringAsync();
        var png = Convert.FromBase64String(WebUtility.HtmlDecode(QrCode().Match(page).Groups[1].Value));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 200, "a QR code, not an empty image");
        var key = Secret().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key), page);

        // At rest the key is data-protected: neither the key nor its lower-case form is in the row.
        var stored = await TestSql.ScalarAsync<string>(database, $"SELECT authenticator_key FROM coordinators WHERE id = '{data.CoordinatorA}'");
        Assert.StartsWith("dp1:", stored);
        Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);

        // Turning it on shows ten codes on the next page, and never again.
        using (var verified = await anna.PostFormAsync("/console/account/two-factor", "/console/account/two-factor", new Dictionary<string, string> { ["code"] = Totp.Code(key) }))
        {
            Assert.Equal("/console", verified.Headers.Location!.OriginalString);
        }

        List<string> codes;
        using (var dashboard = await anna.GetAsync("/console"))
        {
            codes = [.. Code().Matches(await dashboard.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value)];
        }

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        using (var again = await anna.GetAsync("/console"))
        {
            Assert.Empty(Code().Matches(await again.Content.ReadAsStringAsync()));
        }

        // Only hashes are kept.
        var hashes = await TestSql.RowsAsync(database, $"SELECT code_hash FROM coordinator_recovery_codes WHERE coordinator_id = '{data.CoordinatorA}'");
        Assert.Equal(10, hashes.Count);
        var normalised = codes.Select(c => c.Replace("-", "", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(hashes, h => codes.Contains((string)h[0]) || normalised.Contains((string)h[0]));

        // A code stands in for the authenticator once.
        using (var first = await SignInWithRecoveryCodeAsync(bot, codes[0]))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.Response.StatusCode);
            Assert.Equal("/console", first.Response.Headers.Location!.OriginalString);
            using var inside = await first.Client.GetAsync("/console");
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        }

        using (var reused = await SignInWithRecoveryCodeAsync(bot, codes[0]))
        {
            Assert.Equal(HttpStatusCode.OK, reused.Response.StatusCode);
            Assert.Contains("id=\"recovery-error\"", await reused.Response.Content.ReadAsStringAsync());
            using var outside = await reused.Client.GetAsync("/console");
            Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        }

        // Another code works, typed in capitals with spaces instead of dashes.
        using (var second = await SignInWithRecoveryCodeAsync(bot, codes[1].ToUpperInvariant().Replace('-', ' ')))
        {
            Assert.Equal("/console", second.Response.Headers.Location!.OriginalString);
            using var account = await second.Client.GetAsync("/console/account/two-factor");
            Assert.Contains("8", Regex.Match(await account.Content.ReadAsStringAsync(), "id=\"recovery-left\">([^<]+)<").Groups[1].Value);
        }

        var used = await TestSql.RowsAsync(database,
            $"SELECT actor_id, details->>'left' FROM audit_log WHERE action = 'coordinator.recovery_code_used' AND subject_id = '{data.CoordinatorA}' ORDER BY id");
        Assert.Equal(new[] { "9", "8" }, used.Select(u => (string)u[1]).ToArray());
        Assert.All(used, u => Assert.Equal(data.CoordinatorA, (Guid)u[0]));
        Assert.Equal(2L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM coordinator_recovery_codes WHERE coordinator_id = '{data.CoordinatorA}' AND used_at IS NOT NULL"));
        Assert.DoesNotContain(codes[0], bot.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_key_stored_in_plain_text_before_encryption_still_works_and_is_encrypted_when_her_row_is_next_saved()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));

        // The seeded admin's key is plain base32, as rows written before migration 0014 are.
        using var admin = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey);
        using (var codes = await admin.PostFormAsync("/console/account/two-factor", "/console/account/two-factor?handler=RecoveryCodes", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, codes.StatusCode);
        }

        var stored = await TestSql.ScalarAsync<string>(database, $"SELECT authenticator_key FROM coordinators WHERE id = '{data.Admin}'");
        Assert.StartsWith("dp1:", stored);
        using var again = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey);
    }

    sealed record RecoveryLogin(ConsoleClient Client, HttpResponseMessage Response) : IDisposable
    {
        public void Dispose()
        {
            Response.Dispose();
            Client.Dispose();
        }
    }

    static async Task<RecoveryLogin> SignInWithRecoveryCodeAsync(BotProcess bot, string code)
    {
        var client = new ConsoleClient(bot.BaseAddress);
        using (var password = await client.LoginAsync(ConsoleTestData.EmailA, ConsoleTestData.Password))
        {
            Assert.StartsWith("/console/login/two-factor", password.Headers.Location!.OriginalString);
        }

        const string Page = "/console/login/recovery?returnUrl=%2Fconsole";
        return new RecoveryLogin(client, await client.PostFormAsync(Page, Page, new Dictionary<string, string> { ["Code"] = code }));
    }

    [GeneratedRegex("id=\"authenticator-qr\" src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex QrCode();

    [GeneratedRegex("secret=([A-Z2-7]+)&amp;")]
    private static partial Regex Secret();

    [GeneratedRegex("<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code></li>")]
    private static partial Regex Code();
}
