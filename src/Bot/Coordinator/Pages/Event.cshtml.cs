using MentorBot.Bot.Coordinator.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>One event: who registered, guests and children for childcare, and attendance marked afterwards.</summary>
public sealed class EventModel(MentorBotDb db, ConsoleAccessReader accessReader, ConsoleAudit audit) : PageModel
{
    public Event Event { get; private set; } = null!;

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

    public sealed record Row(EventRegistration Registration, string? Name);
}
