using System.ComponentModel.DataAnnotations;
using PhoneNumbers;

namespace MentorBot.Bot.Channels;

/// <summary>
/// A setting that must name a region libphonenumber knows, in its spelling: two capital letters (<c>DK</c>, <c>SE</c>).
/// Any other value would make every number typed without a country code invalid.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PhoneRegionAttribute : ValidationAttribute
{
    public PhoneRegionAttribute() : base("{0} must be a region code libphonenumber knows, such as DK or SE.")
    {
    }

    public override bool IsValid(object? value) =>
        value is string region && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region);
}
