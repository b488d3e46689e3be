using MentorBot.Bot.Conversations;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MentorBot.Scheduler.Prompts;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>One event: inviting a segment of its branch, who registered, guests and children for childcare, and attendance marked afterwards.</summary>
public sealed class EventModel(MentorBotDb db, ConsoleAccessReader accessReader, ConsoleAudit audit, DialogLibrary library, TimeProvider clock) : PageModel
{
    public Event Event { get; private set; } = null!;

    /// <summary>The languages a segment can be narrowed to: the ones participants can choose.</summary>
    public IReadOnlyList<string> Languages => library.Catalog.SupportedLanguages;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public int Invited { get; set; }

    public List<Row> Registrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        if (await access.Filter(db.Events).Include(e => e.Branch).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Event = found;
        Registrations = await db.EventRegistrations.Where(r => r.EventId == id).OrderBy(r => r.InvitedAt)
            .Select(r => new Row(r, db.Participants.Where(p => p.Id == r.ParticipantId).Select(p => p.DisplayName).First()))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Attendance for every registration at once: the ticked ones came, the others did not.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid[] attended, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        if (await access.Filter(db.Events).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var registrations = await db.EventRegistrations.Where(r => r.EventId == id && r.Status == RegistrationStatus.Registered).ToListAsync(cancellationToken);
        foreach (var registration in registrations)
        {
            registration.Attended = attended.Contains(registration.Id);
        }

        audit.Add(access, "event.attendance_marked", "event", found.Id, found.BranchId, new { attended = registrations.Count(r => r.Attended == true) });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Event", new { id });
    }

    /// <summary>
    /// Publishes the event to a segment of its own branch (a role, optionally one language): each person in it gets the
    /// invitation dialog once, through the scheduler's rules (quiet hours, daily limit, never to the opted out).
    /// Publishing again to a wider segment invites only the newcomers.
    /// </summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id, ParticipantRole role, string? language, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        if (await access.Filter(db.Events).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(role) || (language is not null && !Languages.Contains(language)))
        {
            return BadRequest();
        }

        var now = clock.GetUtcNow();
        if (found.CancelledAt is not null || found.StartsAt <= now)
        {
            Notice = "events.error.not_invitable";
            return RedirectToPage("/Event", new { id });
        }

        var invited = await EventPublishing.PublishAsync(db, found.Id, new EventSegment(found.BranchId, role, language), now, cancellationToken);
        audit.Add(access, "event.invited", "event", found.Id, found.BranchId, new { role = role.ToString(), language, invited });
        await db.SaveChangesAsync(cancellationToken);
        (Notice, Invited) = ("events.notice.invited", invited);
        return RedirectToPage("/Event", new { id });
    }

    public sealed record Row(EventRegistration Registration, string? Name);
}
