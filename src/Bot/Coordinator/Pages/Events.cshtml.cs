using System.Globalization;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>Events of her branches with their registration and childcare counts, and a form to create one.</summary>
public sealed class EventsModel(MentorBotDb db, ConsoleAccessReader accessReader, ConsoleAudit audit, TimeProvider clock) : PageModel
{
    public List<Branch> Branches { get; private set; } = [];

    public List<Row> Events { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty] public Guid BranchId { get; set; }
    [BindProperty] public EventKind Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? StartsAt { get; set; }
    [BindProperty] public int? Capacity { get; set; }
    [BindProperty] public bool ChildcareOffered { get; set; }
    [BindProperty] public bool GuestsAllowed { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        var branch = await access.Filter(db.Branches).FirstOrDefaultAsync(b => b.Id == BranchId, cancellationToken);
        // The time is typed in the branch's own zone (a datetime-local field).
        var starts = DateTime.TryParse(StartsAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : (DateTime?)null;
        if (branch is null || string.IsNullOrWhiteSpace(Title) || starts is null || !ModelState.IsValid || Capacity is < 0)
        {
            Error = "events.error.invalid";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var zone = Branch.ZoneOf(branch);
        var @event = new Event
        {
            BranchId = branch.Id, Kind = Kind, Title = Title.Trim(), Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
            StartsAt = new DateTimeOffset(starts.Value, zone.GetUtcOffset(starts.Value)).ToUniversalTime(), Capacity = Capacity,
            ChildcareOffered = ChildcareOffered, GuestsAllowed = GuestsAllowed, CreatedAt = clock.GetUtcNow(),
        };
        db.Events.Add(@event);
        audit.Add(access, "event.created", "event", @event.Id, branch.Id);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Event", new { id = @event.Id });
    }

    async Task LoadAsync(CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        Branches = await access.Filter(db.Branches).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        Events = await access.Filter(db.Events).OrderByDescending(e => e.StartsAt).Take(100)
            .Select(e => new Row(e, e.Branch!.Name,
                db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered),
                db.EventRegistrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered && r.ChildcareNeeded).Sum(r => r.ChildrenAges.Count)))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Event Event, string Branch, int Registered, int Children);
}
