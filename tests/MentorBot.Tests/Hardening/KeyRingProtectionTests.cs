using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Hardening;

/// <summary>The data-protection key ring (it signs console sessions) is encrypted with a configured certificate, or the app warns.</summary>
public sealed class KeyRingProtectionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_without_one_the_app_warns()
    {
        var database = await postgres.CreateDatabaseAsync();
        var folder = PostgresFixture.NewFolder("keyring");
        Directory.CreateDirectory(folder);
        var pfx = Path.Combine(folder, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=MentorBot key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        var settings = WebChatTestEnvironment.Settings(database);
        settings["DataProtection__CertificatePath"] = pfx;
        settings["DataProtection__CertificatePassword"] = "pfx-password";
        await using (var bot = await BotProcess.ServeAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = bot.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/console/login")).StatusCode); // its anti-forgery token makes the first key
            Assert.DoesNotContain("DataProtection__CertificatePath is not set", bot.Output, StringComparison.Ordinal);
        }

        var xml = await TestSql.ScalarAsync<string>(database, "SELECT string_agg(xml, '') FROM data_protection_keys");
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);

        settings["DataProtection__CertificatePassword"] = "wrong";
        await using (var refused = BotProcess.Start(["--urls", "http://127.0.0.1:0"], settings))
        {
            Assert.Equal(1, await refused.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("DataProtection__CertificatePath could not be read", refused.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", refused.Output, StringComparison.Ordinal);
        }

        await using var unprotected = await BotProcess.ServeAsync(WebChatTestEnvironment.Settings(await postgres.CreateDatabaseAsync()));
        Assert.Contains("DataProtection__CertificatePath is not set", unprotected.Output, StringComparison.Ordinal);
    }
}
