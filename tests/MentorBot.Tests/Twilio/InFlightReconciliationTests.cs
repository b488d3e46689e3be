using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// The app killed (SIGKILL) while its POST to Twilio is open: after the restart, Twilio's message list decides.
/// If Twilio created the message, its SID is recorded and nothing is sent again; if not, it is sent once more.
/// </summary>
public sealed class InFlightReconciliationTests(PostgresFixture postgres)
{
    const string MessagesPath = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    [Fact]
    public async Task A_send_twilio_accepted_as_the_app_died_is_found_in_its_list_and_not_sent_again()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        api.ListPageSize = 2; // so the send is found on a later page
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var twilioAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Respond = async (_, n) =>
        {
            if (n == 1) // the first is an earlier message, answered at once
            {
                arrived.TrySetResult();
                await twilioAnswers.Task; // Twilio takes its time; the app dies waiting
                return FakeTwilioApi.Accept("SM44444444444444444444444444444444");
            }

            return FakeTwilioApi.Accept();
        };
        var environment = RealAccount(database, api.BaseUrl);

        Guid id;
        await using (var first = await BotProcess.ServeAsync(environment))
        {
            // An earlier, recorded message with the same words: it must not be taken for this one.
            id = await QueueAsync(database, "+4520000007", "Hej Amal, vi ses i morgen");
            await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the earlier one was sent", seconds: 90);
            id = await QueueAsync(database, "+4520000007", "Hej Amal, vi ses i morgen");
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(90));
            var inFlight = await MessageAsync(database, id);
            Assert.NotNull(inFlight.SendStartedAt); // committed before the POST
            Assert.NotNull(inFlight.SendNode);
            first.Signal(BotProcess.SigKill);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }

        twilioAnswers.SetResult(); // Twilio creates it; its answer reaches nobody
        await Eventually(() => Task.FromResult(api.Messages.Count == 2), "Twilio created the second message");
        for (var i = 0; i < 3; i++)
        {
            api.Seed("+4520000007", FromNumber, $"Noget andet {i}", DateTimeOffset.UtcNow); // newer, to someone else's words
        }

        await using var second = await BotProcess.ServeAsync(environment);
        await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the restarted app recorded the SID Twilio has", seconds: 90);

        var message = await MessageAsync(database, id);
        // Its callbacks came while nobody knew its SID: the state is the one Twilio lists ("sent").
        Assert.Equal(("SM44444444444444444444444444444444", DeliveryStatus.Sent, null, null), (message.ProviderMessageId, message.DeliveryStatus, message.SendStartedAt, message.SendNode));
        Assert.Equal(2, api.Posts.Count); // the earlier message and this one: never sent again
        Assert.Equal(2, api.Messages.Count(m => m.Body == "Hej Amal, vi ses i morgen"));
        var lists = api.Requests.Where(r => r.Method == "GET").ToList();
        Assert.True(lists.Count >= 2, "the list was followed to its next page");
        Assert.All(lists, list => Assert.Equal((MessagesPath, Basic(AccountSid, AuthToken), "+4520000007", FromNumber),
            (list.Path, list.Authorization, list.Query["To"], list.Query["From"])));
        Assert.All(lists, list => Assert.False(list.Query.ContainsKey("DateSent>"))); // it would hide a message Twilio still has queued
        Assert.DoesNotContain("+4520000007", second.Output);
    }

    [Fact]
    public async Task A_send_twilio_never_got_as_the_app_died_is_sent_once_after_the_restart()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverAnswered = new TaskCompletionSource<FakeTwilioApi.Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Respond = (_, n) =>
        {
            if (n == 0)
            {
                arrived.TrySetResult();
                return neverAnswered.Task; // Twilio never got to create it: the app dies first
            }

            return Task.FromResult(FakeTwilioApi.Accept("SM33333333333333333333333333333333"));
        };
        var environment = RealAccount(database, api.BaseUrl);

        Guid id;
        await using (var first = await BotProcess.ServeAsync(environment))
        {
            id = await QueueAsync(database, "+4520000005", "Hej");
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(90));
            first.Signal(BotProcess.SigKill);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }

        Assert.Equal((DeliveryStatus.Queued, null), ((await MessageAsync(database, id)).DeliveryStatus, (await MessageAsync(database, id)).ProviderMessageId));

        await using var second = await BotProcess.ServeAsync(environment);
        await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the restarted app sent it", seconds: 90);

        var message = await MessageAsync(database, id);
        Assert.Equal(("SM33333333333333333333333333333333", 2, null), (message.ProviderMessageId, message.Attempts, message.SendStartedAt));
        Assert.Equal(2, api.Posts.Count); // the one cut short by the kill, and the one after the list showed nothing
        Assert.Single(api.Messages); // Twilio created it once
        Assert.Contains(api.Requests, r => r.Method == "GET" && r.Query["To"] == "+4520000005");
        neverAnswered.TrySetCanceled();
        await using var db = TestDb.Open(database);
        Assert.Equal(1, await db.Messages.CountAsync());
    }
}
