using MentorBot.Data.Settings;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// Configuration section <c>DataProtection</c>: the certificate that encrypts ASP.NET Core's data-protection key
/// ring where it is stored (table data_protection_keys). Those keys sign the console's login cookies and its
/// anti-forgery tokens: whoever reads them from a database dump can forge a coordinator's session. Unset, they are
/// stored as plain XML, and MentorBot says so at start outside Development.
/// </summary>
public sealed class KeyRingOptions : IOptionsSection
{
    public static string Section => "DataProtection";

    /// <summary>A PKCS#12 file (.pfx) with the certificate and its private key.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The .pfx file's password, if it has one (from a secret store, never the repository).</summary>
    public string CertificatePassword { get; set; } = "";
}
