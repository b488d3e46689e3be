using QRCoder;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// The otpauth:// URI as a QR code for her authenticator app to scan, drawn on the server as a PNG (QRCoder's
/// PngByteQRCode, no System.Drawing) and put in the page as a data: URI: no script, no third-party service,
/// and the console's Content-Security-Policy already allows <c>img-src data:</c>.
/// </summary>
public static class AuthenticatorQrCode
{
    public static string PngDataUri(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
