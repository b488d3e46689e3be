using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// Where this process itself can be reached (http://127.0.0.1:5000), known once Kestrel has bound its
/// ports (a port of 0 becomes the real one). The built-in Twilio simulator calls the app through it.
/// </summary>
public sealed class LocalServerAddress(IServer server)
{
    public string Get()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The web server is not listening yet.");

        // A wildcard binding can't be called: call it on loopback instead.
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
