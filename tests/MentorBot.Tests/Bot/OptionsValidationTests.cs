using System.Reflection;
using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Channels.WebChat;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Matching;
using MentorBot.Bot.Privacy;
using MentorBot.Data.Settings;
using MentorBot.Scheduler;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Bot;

/// <summary>
/// What a bad setting says, found by <see cref="ValidatedOptions.AddValidatedOptions{T}"/> while the app is set up
/// and again by ValidateOnStart: one line that names the key as it is configured, and the value when it is not text.
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<Type, string, string, string, string> BadValues => new()
    {
        { typeof(SchedulerOptions), "Scheduler:DispatchLanes", "0", "Scheduler:DispatchLanes must be between 1 and 64 (was 0)", "no lane: no prompt would ever go out" },
        { typeof(SchedulerOptions), "Scheduler:PromptPollInterval", "00:00:00", "Scheduler:PromptPollInterval must be between 00:00:00.05 and 01:00:00 (was 00:00:00)", "a zero interval would spin" },
        { typeof(SchedulerOptions), "Scheduler:DispatchLanes", "two", "Scheduler:DispatchLanes", "not a number: the binder's message names the key" },
        { typeof(MatchingOptions), "Matching:Weights:SameField", "-5", "Matching:Weights:SameField must be between 0 and 1000 (was -5)", "a nested options object is checked too" },
        { typeof(MatchingOptions), "Matching:SuggestionCount", "0", "Matching:SuggestionCount must be between 1 and 50 (was 0)", "a mentee would get no suggestion" },
        { typeof(DialogLibraryOptions), "Dialogs:FirstContactDialog", "", "Dialogs:FirstContactDialog must be set", "an unknown person needs a dialog" },
        { typeof(TwilioOptions), "Twilio:AccountSid", "AC0123", "Twilio:AuthToken must be set with Twilio:AccountSid", "webhooks could not be checked" },
        { typeof(TwilioOptions), "Twilio:ApiBaseUrl", "api.twilio.com", "Twilio:ApiBaseUrl must be an absolute http or https URL", "a URL without scheme" },
        { typeof(TwilioOptions), "Twilio:DefaultRegion", "45", "Twilio:DefaultRegion must be a region code libphonenumber knows, such as DK or SE.", "a calling code is not a region" },
        { typeof(TwilioOptions), "Twilio:ApiBaseUrl", "ftp://api.twilio.com", "Twilio:ApiBaseUrl must be an absolute http or https URL", "Twilio speaks HTTP only" },
        { typeof(TwilioOptions), "Twilio:PublicBaseUrl", "bot.example.dk", "Twilio:PublicBaseUrl must be an absolute http or https URL (https://bot.example.dk)", "Twilio calls a URL, not a host" },
        { typeof(DirectLineOptions), "DirectLine:PublicStreamBase", "chat.example.org", "DirectLine:PublicStreamBase must be an absolute ws, wss, http or https URL", "a host is not a URL" },
        { typeof(RetentionOptions), "Retention:TimeZone", "Mars/Olympus", "Retention:TimeZone must be an IANA time zone this server knows", "would only fail when the job is scheduled" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_while_the_app_is_set_up_with_a_line_naming_the_key(Type options, string key, string value, string expected, string reason)
    {
        var builder = Builder(new() { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => AddValidatedOptions(builder, options));

        Assert.True(refused.Failures.Any(failure => failure.StartsWith(expected, StringComparison.Ordinal) || failure.Contains($"'{expected}'", StringComparison.Ordinal)),
            $"{reason}: {string.Join(" | ", refused.Failures)}");
    }

    [Fact]
    public void Text_values_are_not_repeated_in_the_message()
    {
        var builder = Builder(new() { ["Twilio:AccountSid"] = "AC0123", ["Twilio:ApiKeySid"] = "SKsecretish" });

        var refused = Assert.Throws<OptionsValidationException>(() => builder.AddValidatedOptions<TwilioOptions>());

        Assert.DoesNotContain("SKsecretish", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AC0123", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_options_class_accepts_its_defaults()
    {
        foreach (var options in ConfigurationDocsTests.OptionsClasses())
        {
            Assert.NotNull(AddValidatedOptions(Builder([]), options));
        }
    }

    [Fact]
    public void A_value_that_turns_bad_after_set_up_is_still_refused_when_the_host_starts()
    {
        var builder = Builder([]);
        builder.AddValidatedOptions<SchedulerOptions>();
        builder.Configuration["Scheduler:DispatchLanes"] = "0";
        using var host = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());

        Assert.Equal(["Scheduler:DispatchLanes must be between 1 and 64 (was 0)"], refused.Failures);
    }

    [Fact]
    public void Registering_a_section_again_adds_nothing_and_partner_programs_ignore_case()
    {
        var builder = Builder(new() { ["Matching:PartnerPrograms:ItCompany:0"] = "it" });
        builder.AddValidatedOptions<MatchingOptions>(); // the conversations need it before matching is set up
        var registered = builder.Services.Count;
        builder.AddValidatedOptions<MatchingOptions>();
        using var host = builder.Build();

        Assert.Equal(registered, builder.Services.Count);
        var options = (MatchingOptions)host.Services.GetService(typeof(MatchingOptions))!;
        Assert.Equal(["it"], options.PartnerPrograms["itcompany"]);
    }

    static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    static object AddValidatedOptions(HostApplicationBuilder builder, Type options)
    {
        var add = typeof(ValidatedOptions).GetMethod(nameof(ValidatedOptions.AddValidatedOptions))!.MakeGenericMethod(options);
        try
        {
            return add.Invoke(null, [builder])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
