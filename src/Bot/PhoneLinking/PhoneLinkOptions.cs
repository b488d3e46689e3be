using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;
using MentorBot.Bot.Channels;

namespace MentorBot.Bot.PhoneLinking;

/// <summary>Linking a web-chat participant to her phone number with a code sent by SMS (<c>PhoneLink__…</c>).</summary>
public sealed class PhoneLinkOptions : IOptionsSection
{
    public static string Section => "PhoneLink";

    /// <summary>The country (libphonenumber's region code) of a number typed without <c>+</c> or an international prefix.</summary>
    [PhoneRegion]
    public string DefaultRegion { get; set; } = "DK";

    /// <summary>How long a code can be typed after it was sent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed before the code is dead.</summary>
    [Range(1, 100)]
    public int MaxTries { get; set; } = 5;

    /// <summary>Codes sent to one number (and asked for by one person) in an hour, so nobody is flooded with SMS.</summary>
    [Range(1, 100)]
    public int MaxCodesPerHour { get; set; } = 3;
}
