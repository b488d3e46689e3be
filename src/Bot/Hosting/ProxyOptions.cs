using System.ComponentModel.DataAnnotations;
using System.Net;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// Configuration section <c>Proxy</c>: the reverse proxies (TLS terminators, load balancers) MentorBot runs
/// behind. Only a request from one of them may name its client in <c>X-Forwarded-For</c> and its scheme in
/// <c>X-Forwarded-Proto</c>; from anyone else those headers are ignored. Empty: no proxy is trusted.
/// </summary>
public sealed class ProxyOptions : IOptionsSection, IValidatableObject
{
    public static string Section => "Proxy";

    /// <summary>Addresses of the proxies (<c>Proxy__KnownProxies__0=10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation (<c>Proxy__KnownNetworks__0=10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool TrustsAProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i].Trim(), out _))
            {
                yield return new ValidationResult($"{Section}:{nameof(KnownProxies)}:{i} is not an IP address (10.0.0.5 or fd00::5)");
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i].Trim(), out _))
            {
                yield return new ValidationResult($"{Section}:{nameof(KnownNetworks)}:{i} is not a network in CIDR notation (10.0.0.0/24)");
            }
        }
    }
}
