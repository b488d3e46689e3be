using System.Net;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>HELP by SMS, in any language's word: first an answer with the program's contact, in her language.</summary>
public sealed class HelpKeywordTests(PostgresFixture postgres)
{
    const string Contact = "kontakt@mentornet.example.dk, +45 70 11 22 33";

    [Fact]
    public async Task Help_in_her_own_language_answers_first_with_the_programs_contact_in_that_language()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__HelpContact"] = Contact;
        await using var bot = await BotProcess.ServeAsync(environment);
        await using (var db = TestDb.Open(database))
        {
            db.Participants.Add(new Participant { Phone = "+4520000031", PreferredLanguage = "ar", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var arabic = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000031", "مساعدة"));
        using var english = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000032", " Help! "));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (arabic.StatusCode, english.StatusCode));

        var toHer = await FirstOutboundAsync(database, "+4520000031");
        Assert.Equal("ar", toHer.Language);
        Assert.Contains("تواصلي مع البرنامج", toHer.Text);
        Assert.Contains(Contact, toHer.Text);
        // Someone new is written to in Danish until she picks her language.
        var toNewcomer = await FirstOutboundAsync(database, "+4520000032");
        Assert.Equal("da", toNewcomer.Language);
        Assert.Contains("Kontakt programmet: " + Contact, toNewcomer.Text);
        await Eventually(() => Task.FromResult(api.Posts.Any(p => p.Form["Body"] == toHer.Text)), "the answer went out by SMS", seconds: 90);
    }

    [Fact]
    public async Task Help_inside_a_sentence_is_an_ordinary_message()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = RealAccount(database);
        environment["Twilio__HelpContact"] = Contact;
        await using var bot = await BotProcess.ServeAsync(environment);

        using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000033", "I need help with my CV"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = TestDb.Open(database);
        Assert.False(await db.Messages.AnyAsync(m => m.Direction == MessageDirection.Outbound && m.Text.Contains(Contact)));
    }

    static async Task<Message> FirstOutboundAsync(string database, string phone)
    {
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync(p => p.Phone == phone);
        return await db.Messages.Where(m => m.ParticipantId == participant.Id && m.Direction == MessageDirection.Outbound).OrderBy(m => m.CreatedAt).FirstAsync();
    }
}
