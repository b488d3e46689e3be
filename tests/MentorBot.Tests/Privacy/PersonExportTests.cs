using System.Text;
using System.Text.Json;
using MentorBot.Bot.Access;
using MentorBot.Bot.Privacy;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Privacy;

/// <summary>A person's data export (GDPR art. 20): every section, the other party by first name only, Arabic as written, scoped and audited.</summary>
public sealed class PersonExportTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_export_holds_every_section_of_her_data_in_utf8_and_her_mentor_only_by_first_name()
    {
        var database = await postgres.CreateDatabaseAsync();
        var graph = SampleGraph.Create();
        graph.Mentor.DisplayName = "Hanne Mentorsen";
        await using (var db = TestDb.Open(database))
        {
            db.AddRange(graph.All);
            db.Add(new MeetingReport { MatchId = ((Match)graph.All.Single(o => o is Match)).Id, ReporterId = graph.Mentee.Id, ReporterRole = ParticipantRole.Mentee, Met = true, Note = "كان لقاء جيدا", Channel = Channel.Sms, SubmittedAt = SampleGraph.At });
            await db.SaveChangesAsync();
        }

        var coordinator = Guid.CreateVersion7();
        byte[]? json;
        await using (var db = TestDb.Open(database))
        {
            var export = new PersonExport(db, new FixedClock(SampleGraph.At.AddDays(40)));
            Assert.Null(await export.ExportJsonAsync(graph.Mentee.Id, BranchScope.Coordinator(coordinator, [Guid.CreateVersion7()]), CancellationToken.None)); // another branch's coordinator
            Assert.Null(await export.ExportJsonAsync(Guid.CreateVersion7(), BranchScope.Admin(coordinator), CancellationToken.None));
            json = await export.ExportJsonAsync(graph.Mentee.Id, BranchScope.Coordinator(coordinator, [graph.Branch.Id]), CancellationToken.None);
        }

        var text = Encoding.UTF8.GetString(json!);
        Assert.Contains("مرحبا Åse", text);    // as written, not \u escapes
        Assert.Contains("كان لقاء جيدا", text);
        Assert.DoesNotContain("Mentorsen", text);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(("mentorbot.person_export", 1), (root.GetProperty("format").GetString(), root.GetProperty("version").GetInt32()));
        Assert.Equal(
            ["format", "version", "exported_at", "participant", "profile", "channel_identities", "consents", "conversations", "dialog_sessions",
             "matches", "meeting_reports", "surveys", "event_registrations", "handovers", "scheduled_prompts", "phone_verifications"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("+4520000001", "sample_branch", "active"),
            (root.GetProperty("participant").GetProperty("phone").GetString(), root.GetProperty("participant").GetProperty("branch_code").GetString(), root.GetProperty("participant").GetProperty("status").GetString()));
        Assert.Equal("Software tester", root.GetProperty("profile").GetProperty("profession").GetString());
        Assert.Equal("dl_user_1", root.GetProperty("channel_identities")[0].GetProperty("address").GetString());
        Assert.Equal("matching", root.GetProperty("consents")[0].GetProperty("purpose").GetString());
        Assert.Equal("مرحبا Åse", root.GetProperty("conversations")[0].GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal("Amal", root.GetProperty("dialog_sessions")[0].GetProperty("answers").ValueKind == JsonValueKind.Object ? "Amal" : null);
        var match = root.GetProperty("matches")[0];
        Assert.Equal(("mentee", "Hanne", "pending_approval"), (match.GetProperty("her_role").GetString(), match.GetProperty("partner_first_name").GetString(), match.GetProperty("status").GetString()));
        Assert.Equal(1, root.GetProperty("meeting_reports").GetArrayLength()); // hers, not her mentor's
        Assert.Equal(("end", 4), (root.GetProperty("surveys")[0].GetProperty("kind").GetString(), root.GetProperty("surveys")[0].GetProperty("answers")[0].GetProperty("number").GetInt32()));
        Assert.Equal([3, 7], root.GetProperty("event_registrations")[0].GetProperty("children_ages").EnumerateArray().Select(a => a.GetInt32()));
        Assert.Equal("Kollektiv mentoring", root.GetProperty("event_registrations")[0].GetProperty("event_title").GetString());
        Assert.Equal("three_misses", root.GetProperty("handovers")[0].GetProperty("reason").GetString());
        Assert.Equal(0, root.GetProperty("scheduled_prompts").GetArrayLength()); // the sample's prompt is her mentor's
        var verification = Assert.Single(root.GetProperty("phone_verifications").EnumerateArray()); // her phone link's code
        Assert.Equal(("+4520000001", 2, true), (verification.GetProperty("phone").GetString(), verification.GetProperty("wrong_attempts").GetInt32(), verification.GetProperty("verified_at").ValueKind == JsonValueKind.String));
        Assert.DoesNotContain("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", text); // the code's hash is no data about her

        await using var check = TestDb.Open(database);
        var audit = await check.AuditLog.SingleAsync(a => a.Action == "participant.exported");
        Assert.Equal((ActorKind.Coordinator, coordinator, graph.Mentee.Id, graph.Branch.Id), (audit.ActorKind, audit.ActorId, audit.SubjectId, audit.BranchId));
        Assert.DoesNotContain("2000", audit.Details); // counts only: no phone number, no name
    }
}
