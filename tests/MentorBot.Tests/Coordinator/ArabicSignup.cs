using System.Net;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using CoordinatorAccount = MentorBot.Data.Model.Coordinator;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// Amal signs up by SMS in Arabic through the real webhook (signed, as Twilio posts it), picking Esbjerg/Varde with
/// "٣", not understood once, her goals with "١ ٣ ٥"; and Dorte, a Danish-speaking coordinator of Esbjerg/Varde,
/// can sign in to the console. What the bilingual transcript tests read.
/// </summary>
public static class ArabicSignup
{
    public const string Phone = "+4520000099";
    public const string Name = "أمل";
    public const string DorteEmail = "dorte@esbjerg.example";
    public const string Banana = "موزة"; // at the education question: not understood

    public static readonly string[] Replies =
        ["مرحبا", "١", Name, "٣", "Esbjerg", Banana, "٦", "٢", "ممرضة", "٦", "١ ٣ ٥", "١ ١١", "٢", "نعم", "نعم"];

    /// <summary>Runs her signup on the app at <paramref name="bot"/>; returns her id once she is active.</summary>
    public static async Task<Guid> RunAsync(string database, Uri bot)
    {
        foreach (var text in Replies)
        {
            using var response = await TwilioTestEnvironment.PostSignedAsync(bot, "/api/twilio/sms", TwilioTestEnvironment.InboundSms(Phone, text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var db = TestDb.Open(database);
        var her = await db.Participants.Include(p => p.Branch).SingleAsync(p => p.Phone == Phone);
        Assert.Equal((ParticipantStatus.Active, "esbjerg", "ar"), (her.Status, her.Branch?.Code, her.PreferredLanguage));
        return her.Id;
    }

    /// <summary>Dorte: a coordinator of Esbjerg/Varde whose console speaks Danish.</summary>
    public static async Task AddDorteAsync(string database)
    {
        await using var db = TestDb.Open(database);
        var esbjerg = await db.Branches.SingleAsync(b => b.Code == "esbjerg");
        var dorte = new CoordinatorAccount
        {
            Email = DorteEmail, NormalizedEmail = DorteEmail.ToUpperInvariant(), DisplayName = "Dorte", Role = CoordinatorRole.Coordinator, Language = "da",
            CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        dorte.PasswordHash = new PasswordHasher<CoordinatorAccount>().HashPassword(dorte, ConsoleTestData.Password);
        dorte.Branches.Add(new CoordinatorBranch { CoordinatorId = dorte.Id, BranchId = esbjerg.Id });
        db.Coordinators.Add(dorte);
        await db.SaveChangesAsync();
    }
}
