using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Bot.Hosting;
using MentorBot.Tests.Infrastructure;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>The simulator's part after it accepted a message: the times it reports, however late a thread gets to them.</summary>
public sealed class SimulatorStatusCallbacksTests
{
    [Fact]
    public async Task A_message_is_sent_and_delivered_at_fixed_steps_after_its_creation_even_when_the_simulator_gets_to_it_late()
    {
        var created = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var clock = new FixedClock(created);
        var account = new TwilioAccount(new TwilioOptions(), new LocalServerAddress(null!)); // the simulator's own account
        var callbacks = new SimulatorStatusCallbacks(null!, account, clock, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
            NullLogger<SimulatorStatusCallbacks>.Instance); // no StatusCallback: no HTTP client is asked for
        SimulatedMessage Message(TimeSpan after) => new()
        {
            Sid = TwilioSimulator.NewSid("SM"), AccountSid = account.AccountSid, Direction = "outbound-api", To = "+4520000011",
            From = TwilioAccount.SimulatorFromNumber, Body = "x", DateCreated = created + after, DateUpdated = created + after,
        };
        var first = Message(TimeSpan.Zero);
        var second = Message(TimeSpan.FromMilliseconds(5));

        // A busy machine: the clock has moved on by seconds before either message's steps run, the second's first.
        clock.Now = created.AddSeconds(5);
        callbacks.Start(second);
        callbacks.Start(first);
        await Eventually(() => Task.FromResult(first.Status == "delivered" && second.Status == "delivered"), "the simulator reported both steps of both");

        Assert.Equal((created.AddMilliseconds(300), created.AddMilliseconds(600)), (first.DateSent, first.DateUpdated));
        Assert.Equal((created.AddMilliseconds(305), created.AddMilliseconds(605)), (second.DateSent, second.DateUpdated));
    }
}
