using System.Text.RegularExpressions;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.PhoneLinking;

/// <summary>
/// Linking a phone number from web chat with the real link_phone dialog, its actions and a real database:
/// the code goes to the SMS outbox, and a verified number makes one participant, one transcript.
/// </summary>
public sealed partial class PhoneLinkDialogTests(PostgresFixture postgres)
{
    const string Phone = "+4520123456";

    readonly FixedClock _clock = new(DateTimeOffset.Parse("2026-03-11T09:00:00Z"));

    [Fact]
    public async Task An_invalid_number_is_asked_again_in_her_language_and_a_verified_one_becomes_hers()
    {
        var database = await postgres.CreateDatabaseAsync();
        var web = await AddWebChatAsync(database, "ar", signedUp: false);
        var chat = new WebChatter(database, web.ConversationId, _clock);

        await chat.StartAsync("link_phone");
        var again = await chat.SayAsync("رقمي هو أمل");
        Assert.Equal([WebChatter.Text("ar", "link_phone.invalid_phone"), WebChatter.Text("ar", "link_phone.ask_phone")], again);

        var asked = await chat.SayAsync("٢٠ ١٢ ٣٤ ٥٦"); // Arabic-Indic digits, national format
        Assert.Equal(WebChatter.Text("ar", "link_phone.ask_code", new() { ["phone"] = Phone }), Assert.Single(asked));
        var code = await SentCodeAsync(database);
        var linked = await chat.SayAsync(ToArabicDigits(code));

        Assert.Equal(WebChatter.Text("ar", "link_phone.linked", new() { ["phone"] = Phone }), Assert.Single(linked));
        await using var db = TestDb.Open(database);
        var person = await db.Participants.Include(p => p.Identities).SingleAsync();
        Assert.Equal((web.PersonId, Phone), (person.Id, person.Phone));
        Assert.Contains(person.Identities, i => i.Channel == Channel.Sms && i.Address == Phone && i.VerifiedAt == _clock.Now);
        Assert.Contains(person.Identities, i => i.Channel == Channel.WebChat && i.VerifiedAt == _clock.Now);
        var sms = await db.Conversations.SingleAsync(c => c.Channel == Channel.Sms);
        Assert.Equal(person.Id, sms.ParticipantId); // the thread the code went out on is hers now
        var verification = await db.PhoneVerifications.SingleAsync();
        Assert.DoesNotContain(code, verification.CodeHash, StringComparison.Ordinal); // only the salted hash is stored
        Assert.Equal(_clock.Now, verification.VerifiedAt);
    }

    [Fact]
    public async Task A_number_of_an_sms_participant_makes_one_profile_and_one_transcript()
    {
        var (database, sms, _, chat, linked) = await LinkWithCodeAsync(smsSignedUp: true, webSignedUp: false, typed: "20 12 34 56");
        var menu = await chat.SayAsync("MENU"); // the next web message is hers as the SMS participant

        Assert.Equal(WebChatter.Text("en", "link_phone.linked", new() { ["phone"] = Phone }), Assert.Single(linked));
        Assert.StartsWith(WebChatter.Text("en", "menu.ask", new() { ["name"] = "Amal" }), menu[0], StringComparison.Ordinal);
        await using var db = TestDb.Open(database);
        var person = await db.Participants.Include(p => p.Profile).Include(p => p.Identities).SingleAsync(); // hers was merged away
        Assert.Equal((sms, "Valby"), (person.Id, person.Profile!.City));
        Assert.Contains(person.Identities, i => i.Channel == Channel.WebChat && i.Address == "dl_web" && i.VerifiedAt != null);
        Assert.All(await db.Conversations.ToListAsync(), c => Assert.Equal(sms, c.ParticipantId));
        var transcript = await db.Messages.OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.All(transcript, m => Assert.Equal(sms, m.ParticipantId));
        Assert.Contains(transcript, m => m.Channel == Channel.Sms && m.Text == "Hej");
        Assert.Contains(transcript, m => m.Channel == Channel.WebChat && m.Text == WebChatter.Text("en", "link_phone.ask_phone"));
        Assert.All(await db.DialogSessions.ToListAsync(), s => Assert.Equal(sms, s.ParticipantId));
        Assert.Contains(await db.AuditLog.ToListAsync(), a => a.Action == "participant.merged" && a.SubjectId == sms);
    }

    [Fact]
    public async Task When_only_she_signed_up_the_numbers_participant_is_merged_into_her()
    {
        var (database, sms, web, _, _) = await LinkWithCodeAsync(smsSignedUp: false, webSignedUp: true);

        await using var db = TestDb.Open(database);
        var person = await db.Participants.Include(p => p.Profile).SingleAsync();
        Assert.Equal((web, Phone, "Aarhus"), (person.Id, person.Phone, person.Profile!.City));
        Assert.All(await db.Messages.ToListAsync(), m => Assert.Equal(web, m.ParticipantId));
        Assert.False(await db.Participants.AnyAsync(p => p.Id == sms));
    }

    [Fact]
    public async Task When_both_signed_up_the_numbers_profile_wins_and_hers_stays_without_channels()
    {
        var (database, sms, web, _, _) = await LinkWithCodeAsync(smsSignedUp: true, webSignedUp: true);

        await using var db = TestDb.Open(database);
        Assert.All(await db.Conversations.ToListAsync(), c => Assert.Equal(sms, c.ParticipantId));
        Assert.All(await db.ChannelIdentities.ToListAsync(), i => Assert.Equal(sms, i.ParticipantId));
        var left = await db.Participants.Include(p => p.Profile).SingleAsync(p => p.Id == web);
        Assert.Equal(("Aarhus", null), (left.Profile!.City, left.Phone)); // kept for a coordinator, reachable through no channel
    }

    [Fact]
    public async Task A_wrong_code_is_asked_again_and_five_wrong_codes_end_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        var web = await AddWebChatAsync(database, "da", signedUp: false);
        var chat = new WebChatter(database, web.ConversationId, _clock);
        await chat.StartAsync("link_phone");
        await chat.SayAsync(Phone);
        var wrong = Wrong(await SentCodeAsync(database));

        var first = await chat.SayAsync(wrong);
        Assert.Equal(WebChatter.Text("da", "link_phone.wrong_code", new() { ["tries"] = "4" }), first[0]);
        Assert.Equal(WebChatter.Text("da", "link_phone.ask_code", new() { ["phone"] = Phone }), first[1]);
        for (var i = 0; i < 3; i++)
        {
            await chat.SayAsync(wrong);
        }

        var last = await chat.SayAsync(wrong);
        Assert.Equal(WebChatter.Text("da", "link_phone.too_many_tries"), Assert.Single(last));
        await using var db = TestDb.Open(database);
        Assert.Null((await db.Participants.SingleAsync()).Phone);
        Assert.Equal((5, null), await db.PhoneVerifications.Select(v => new ValueTuple<int, DateTimeOffset?>(v.Attempts, v.VerifiedAt)).SingleAsync());
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_a_new_one_can_be_sent()
    {
        var database = await postgres.CreateDatabaseAsync();
        var web = await AddWebChatAsync(database, "fr", signedUp: false);
        var chat = new WebChatter(database, web.ConversationId, _clock);
        await chat.StartAsync("link_phone");
        await chat.SayAsync(Phone);
        var old = await SentCodeAsync(database);

        _clock.Now = _clock.Now.AddMinutes(10).AddSeconds(1);
        var expired = await chat.SayAsync(old);
        Assert.StartsWith(WebChatter.Text("fr", "link_phone.expired"), expired[0], StringComparison.Ordinal);
        await chat.SayAsync("oui");
        var fresh = await SentCodeAsync(database);
        var linked = await chat.SayAsync(fresh);

        Assert.Equal(WebChatter.Text("fr", "link_phone.linked", new() { ["phone"] = Phone }), Assert.Single(linked));
        await using var db = TestDb.Open(database);
        Assert.Equal(2, await db.PhoneVerifications.CountAsync());
    }

    [Fact]
    public async Task A_number_linked_to_someone_with_another_verified_web_chat_is_refused_and_gets_no_code()
    {
        var database = await postgres.CreateDatabaseAsync();
        var sms = await AddSmsParticipantAsync(database, signedUp: true);
        await using (var setup = TestDb.Open(database))
        {
            setup.ChannelIdentities.Add(new ChannelIdentity { ParticipantId = sms, Channel = Channel.WebChat, Address = "dl_someone_else", VerifiedAt = _clock.Now, CreatedAt = _clock.Now });
            await setup.SaveChangesAsync();
        }

        var web = await AddWebChatAsync(database, "en", signedUp: false);
        var chat = new WebChatter(database, web.ConversationId, _clock);
        await chat.StartAsync("link_phone");
        var refused = await chat.SayAsync(Phone);

        Assert.Equal(WebChatter.Text("en", "link_phone.taken"), Assert.Single(refused));
        await using var db = TestDb.Open(database);
        Assert.False(await db.Messages.AnyAsync(m => m.Channel == Channel.Sms && m.Direction == MessageDirection.Outbound));
        Assert.Equal(2, await db.Participants.CountAsync());
    }

    [Fact]
    public async Task A_number_gets_at_most_three_codes_an_hour()
    {
        var database = await postgres.CreateDatabaseAsync();
        var web = await AddWebChatAsync(database, "en", signedUp: false);
        var chat = new WebChatter(database, web.ConversationId, _clock);
        for (var i = 0; i < 3; i++)
        {
            await chat.StartAsync("link_phone");
            Assert.Equal(WebChatter.Text("en", "link_phone.ask_code", new() { ["phone"] = Phone }), Assert.Single(await chat.SayAsync(Phone)));
        }

        await chat.StartAsync("link_phone");
        Assert.Equal(WebChatter.Text("en", "link_phone.too_many_codes"), Assert.Single(await chat.SayAsync(Phone)));
        _clock.Now = _clock.Now.AddHours(1).AddSeconds(1);
        await chat.StartAsync("link_phone");
        Assert.Equal(WebChatter.Text("en", "link_phone.ask_code", new() { ["phone"] = Phone }), Assert.Single(await chat.SayAsync(Phone)));
    }

    /// <summary>
    /// The merge cases' common start: someone who wrote by SMS and someone on web chat in English (each
    /// signed up or not); on web chat she types the SMS participant's number (<paramref name="typed"/>) and then
    /// the code it was sent. Returns the replies to the code.
    /// </summary>
    async Task<LinkedWithCode> LinkWithCodeAsync(bool smsSignedUp, bool webSignedUp, string typed = Phone)
    {
        var database = await postgres.CreateDatabaseAsync();
        var sms = await AddSmsParticipantAsync(database, smsSignedUp);
        var web = await AddWebChatAsync(database, "en", webSignedUp);
        var chat = new WebChatter(database, web.ConversationId, _clock);

        await chat.StartAsync("link_phone");
        await chat.SayAsync(typed);
        var replies = await chat.SayAsync(await SentCodeAsync(database));
        return new LinkedWithCode(database, sms, web.PersonId, chat, replies);
    }

    sealed record LinkedWithCode(string Database, Guid Sms, Guid Web, WebChatter Chat, IReadOnlyList<string> Replies);

    /// <summary>The code in the last SMS queued to the number, as the person reads it on her phone.</summary>
    static async Task<string> SentCodeAsync(string database)
    {
        await using var db = TestDb.Open(database);
        var sms = await db.Messages.Where(m => m.Channel == Channel.Sms && m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstAsync();
        return SixDigits().Match(sms.Text).Value;
    }

    static string Wrong(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    static string ToArabicDigits(string digits) => new(digits.Select(c => (char)('\u0660' + (c - '0'))).ToArray());

    async Task<(Guid PersonId, Guid ConversationId)> AddWebChatAsync(string database, string language, bool signedUp)
    {
        await using var db = TestDb.Open(database);
        var person = new Participant
        {
            PreferredLanguage = language, Status = signedUp ? ParticipantStatus.Active : ParticipantStatus.SigningUp, DisplayName = signedUp ? "Amal W" : null,
            CreatedAt = _clock.Now, UpdatedAt = _clock.Now,
        };
        if (signedUp)
        {
            person.Profile = new Profile { ParticipantId = person.Id, City = "Aarhus" };
        }

        var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.WebChat, ChannelConversationId = "dl_conversation", StartedAt = _clock.Now, LastActivityAt = _clock.Now };
        db.AddRange(person, conversation, new ChannelIdentity { ParticipantId = person.Id, Channel = Channel.WebChat, Address = "dl_web", CreatedAt = _clock.Now });
        await db.SaveChangesAsync();
        return (person.Id, conversation.Id);
    }

    /// <summary>Someone who wrote by SMS before (and, when <paramref name="signedUp"/>, signed up there).</summary>
    async Task<Guid> AddSmsParticipantAsync(string database, bool signedUp)
    {
        await using var db = TestDb.Open(database);
        var person = new Participant
        {
            Phone = Phone, PreferredLanguage = "en", Status = signedUp ? ParticipantStatus.Active : ParticipantStatus.SigningUp,
            DisplayName = signedUp ? "Amal" : null, CreatedAt = _clock.Now, UpdatedAt = _clock.Now,
        };
        if (signedUp)
        {
            person.Profile = new Profile { ParticipantId = person.Id, City = "Valby" };
        }

        var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = Phone, StartedAt = _clock.Now, LastActivityAt = _clock.Now };
        var message = new Message
        {
            ConversationId = conversation.Id, ParticipantId = person.Id, Channel = Channel.Sms, Direction = MessageDirection.Inbound, Author = MessageAuthor.Participant,
            Text = "Hej", DeliveryStatus = DeliveryStatus.Received, CreatedAt = _clock.Now.AddDays(-1), UpdatedAt = _clock.Now,
        };
        db.AddRange(person, conversation, message);
        await db.SaveChangesAsync();
        return person.Id;
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
