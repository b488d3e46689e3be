using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>
/// Signs the webhooks the simulator sends (the test phone's messages, status callbacks) as Twilio signs its own:
/// <c>X-Twilio-Signature</c> = Base64(HMAC-SHA1(auth token, URL + each parameter's name and value, names in ordinal
/// order)). Twilio's SDK only validates; it has no public signer. A repeated name is signed as its values joined by
/// commas, as the SDK's validator reads it (the simulator sends none).
/// </summary>
public static class SimulatorWebhookSigner
{
    public const string Header = "X-Twilio-Signature";

    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            data.Append(group.Key).Append(string.Join(',', group.Select(p => p.Value)));
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
