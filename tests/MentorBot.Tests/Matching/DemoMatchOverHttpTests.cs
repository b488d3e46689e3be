using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Bot.Commands;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Matching;

/// <summary>
/// Issue #7's "done when", end to end over the real app process and real PostgreSQL: the `demo-data`
/// command fills the database, a mentee signs up by SMS through the signed Twilio webhook, asks for
/// mentors and gets three with reasons, picks one; the scheduler sends the request to that demo mentor's
/// phone, she accepts by SMS from it, and the match starts with its introduction and start survey.
/// Every SMS is read where Twilio would get it (a fake Twilio REST API on loopback).
/// </summary>
public sealed partial class DemoMatchOverHttpTests(PostgresFixture postgres)
{
    const string AmalsPhone = "+4520123456";

    [Fact]
    public async Task A_mentee_signed_up_by_sms_gets_three_demo_mentors_with_reasons_and_the_one_she_picks_accepts_by_sms()
    {
        var database = await postgres.CreateDatabaseAsync();
        await WithoutQuietHoursAsync(database);
        await using (var demo = BotProcess.Start(["demo-data"], new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database }))
        {
            Assert.True(await demo.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, demo.Output);
            Assert.Contains("Added 60 demo mentors", demo.Output);
        }

        await using var twilio = FakeTwilioApi.Start();
        var settings = RealAccount(database, twilio.BaseUrl);
        settings["Scheduler__Enabled"] = "true";
        settings["Scheduler__PromptPollInterval"] = "00:00:01";
        settings["Scheduler__CheckinInterval"] = "00:00:01";
        await using var bot = await BotProcess.ServeAsync(settings);

        // She texts the bot for the first time in English, is welcomed in English and signs up (the lines of
        // RealDialogTests' signup).
        foreach (var line in new[] { "Hello", "1", "Amal", "1", "Valby", "6", "2", "Nurse", "6", "1 3 5", "1 11", "2", "yes", "yes" })
        {
            await TextAsync(bot, AmalsPhone, line);
        }

        await Eventually(() => Task.FromResult(To(twilio, AmalsPhone).Any(b => b.StartsWith("Thank you, Amal! You are signed up.", StringComparison.Ordinal))), "her signup confirmed by SMS");

        // The menu, "Find a mentor": three demo mentors, each with a reason she can read.
        await TextAsync(bot, AmalsPhone, "MENU");
        await TextAsync(bot, AmalsPhone, "1");
        string? list = null;
        await Eventually(() => Task.FromResult((list = To(twilio, AmalsPhone).LastOrDefault(b => b.StartsWith("These mentors fit your wishes:", StringComparison.Ordinal))) is not null), "the suggestions by SMS");
        // The mentor lines ("1. Karen - Nurse - same field: … - Copenhagen"), not the numbered options after the question.
        var suggestions = list!.Split('\n').Where(l => SuggestionLine().IsMatch(l)).ToList();
        Assert.True(suggestions.Count == 3, list);
        Assert.All(suggestions, s => Assert.True(s.Contains("same field: ", StringComparison.Ordinal) || s.Contains("related field: ", StringComparison.Ordinal) || s.Contains("speaks ", StringComparison.Ordinal), $"no reason in: {s}"));
        Assert.StartsWith("1. ", suggestions[0], StringComparison.Ordinal);
        Assert.Contains("same field: Health and care", suggestions[0], StringComparison.Ordinal);

        // She picks the first: a request waits for that demo mentor.
        await TextAsync(bot, AmalsPhone, "1");
        await Eventually(() => Task.FromResult(To(twilio, AmalsPhone).Any(b => b.StartsWith("Thank you! We have asked the mentor.", StringComparison.Ordinal))), "her request confirmed");
        MentorBot.Data.Model.Match requested;
        string mentorPhone;
        await using (var db = TestDb.Open(database))
        {
            requested = await db.Matches.Include(m => m.Mentor).Include(m => m.Mentee).SingleAsync();
            Assert.Equal((MatchStatus.Requested, "Amal", ParticipantRole.Mentor), (requested.Status, requested.Mentee!.DisplayName, requested.Mentor!.Role));
            mentorPhone = requested.Mentor.Phone!;
            Assert.StartsWith(DemoMentor.PhonePrefix, mentorPhone, StringComparison.Ordinal);
            Assert.StartsWith($"1. {requested.Mentor.DisplayName} - ", suggestions[0], StringComparison.Ordinal);
        }

        // The scheduler asks her by SMS (in Danish, the demo mentors' language); she says yes from her phone.
        await Eventually(() => Task.FromResult(To(twilio, mentorPhone).Any(b => b.Contains("Amal", StringComparison.Ordinal))), "the request at the mentor's phone");
        await TextAsync(bot, mentorPhone, "1");

        await using (var db = TestDb.Open(database))
        {
            var match = await db.Matches.Include(m => m.Branch).Include(m => m.History).SingleAsync();
            var expected = match.Branch!.Settings.CoordinatorApprovesMatches ? MatchStatus.PendingApproval : MatchStatus.Active;
            Assert.Equal((requested.Id, expected), (match.Id, match.Status));
            Assert.Contains(match.History, h => h.FromStatus == MatchStatus.Requested && h.ToStatus == expected && h.ActorId == requested.MentorId);
            Assert.Equal(MatchStatus.Active, expected); // the embedded defaults: no branch approves matches first
            Assert.True(await db.ScheduledPrompts.AnyAsync(p => p.MatchId == match.Id && p.ParticipantId == match.MenteeId && p.Kind == "start_survey"));
        }

        // The match starts: the introduction (with the partner's number) to both, and to the mentee her
        // start survey a minute after her introduction, so she hears who her mentor is first.
        await Eventually(() => Task.FromResult(To(twilio, mentorPhone).Any(b => b.Contains("Amal", StringComparison.Ordinal) && b.Contains(AmalsPhone, StringComparison.Ordinal))),
            "the introduction to the mentor, with Amal's number");
        var mentorName = requested.Mentor!.DisplayName!;
        var introduction = $"Welcome to your mentorship! You and {mentorName} are now a pair. You can reach {mentorName} on {mentorPhone}.";
        await Eventually(() => Task.FromResult(To(twilio, AmalsPhone).Any(b => b.StartsWith(introduction, StringComparison.Ordinal))),
            "the mentee's introduction, with her mentor's number");
        await using (var db = TestDb.Open(database))
        {
            var hers = await db.ScheduledPrompts.Where(p => p.MatchId == requested.Id && p.ParticipantId == requested.MenteeId).ToListAsync();
            var introduced = hers.Single(p => p.Kind == "match_introduction");
            Assert.Equal(PromptStatus.Sent, introduced.Status);
            Assert.Equal(introduced.DueAt.AddMinutes(1), hers.Single(p => p.Kind == "start_survey").DueAt);
        }

        Assert.DoesNotContain("   at ", bot.Output); // no stack trace anywhere on the way
    }

    /// <summary>The tests run at any hour: the branches' quiet hours would hold the prompts until morning.</summary>
    static async Task WithoutQuietHoursAsync(string database)
    {
        await using var db = TestDb.Open(database);
        foreach (var branch in await db.Branches.ToListAsync())
        {
            branch.Settings = branch.Settings with { QuietHoursStart = TimeOnly.MinValue, QuietHoursEnd = TimeOnly.MinValue };
        }

        await db.SaveChangesAsync();
    }

    static async Task TextAsync(BotProcess bot, string from, string text)
    {
        using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms(from, text));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{text}: {response.StatusCode}\n{bot.Output}");
    }

    /// <summary>The bodies the app sent to <paramref name="phone"/> through the (fake) Twilio API, in order.</summary>
    static List<string> To(FakeTwilioApi twilio, string phone) =>
        twilio.Posts.Where(r => r.Form.GetValueOrDefault("To") == phone).Select(r => r.Form.GetValueOrDefault("Body") ?? "").ToList();

    [GeneratedRegex(@"^[1-3]\. \S.* - ")]
    private static partial Regex SuggestionLine();
}
