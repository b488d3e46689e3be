using System.Net;
using System.Net.Sockets;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// The client a rate limit counts: the request's remote address, which behind a configured proxy is already the
/// client the proxy names (<see cref="EdgeSetup"/> runs first). An IPv6 client counts by its /64 network: one
/// household or phone gets a whole /64, and could otherwise take a fresh address for every request.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
