using MentorBot.Data.Settings;
using Microsoft.AspNetCore.HttpOverrides;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// What every request meets first: the client's real address and scheme from a trusted proxy, HSTS, and the
/// security headers. Runs before the rate limiters, so they count per real client and not per proxy.
/// </summary>
public static class EdgeSetup
{
    public static void AddEdge(this WebApplicationBuilder builder)
    {
        var proxy = builder.AddValidatedOptions<ProxyOptions>();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default: a same-host proxy is trusted only when configured.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(address.Trim()));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
    }

    public static void UseEdge(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ProxyOptions>().TrustsAProxy)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on https responses, so a plain-http development port is left alone
        }

        app.UseMiddleware<SecurityHeaders>();
    }
}
