using MentorBot.Bot.Coordinator.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// People in her branches, searched by a fragment of a name or phone number and filtered by role, status
/// and branch. The search is a POST: a name or number typed here must not end up in a URL (history, logs).
/// </summary>
public sealed class PeopleModel(MentorBotDb db, ConsoleAccessReader accessReader) : PageModel
{
    const int Shown = 200;

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public ParticipantRole? Role { get; set; }

    /// <summary>Also from the URL (a status is no personal data): the link to the people who asked to be erased.</summary>
    [BindProperty(SupportsGet = true)]
    public ParticipantStatus? Status { get; set; }

    /// <summary>People who asked to be erased themselves (my_data / delete_me): they wait for a coordinator.</summary>
    public int ErasureRequests { get; private set; }

    [BindProperty]
    public Guid? BranchId { get; set; }

    public List<Branch> Branches { get; private set; } = [];

    public List<Row> People { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    async Task LoadAsync(CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        Branches = await access.Filter(db.Branches).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        ErasureRequests = await access.Filter(db.Participants).CountAsync(p => p.Status == ParticipantStatus.ErasureRequested, cancellationToken);
        var people = access.Filter(db.Participants);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            people = digits.Length >= 3
                ? people.Where(p => EF.Functions.ILike(p.DisplayName!, pattern) || p.Phone!.Contains(digits))
                : people.Where(p => EF.Functions.ILike(p.DisplayName!, pattern));
        }

        if (Role is { } role)
        {
            people = people.Where(p => p.Role == role);
        }

        if (Status is { } status)
        {
            people = people.Where(p => p.Status == status);
        }

        if (BranchId is { } branchId)
        {
            people = people.Where(p => p.BranchId == branchId);
        }

        People = await people.OrderBy(p => p.DisplayName).Take(Shown)
            .Select(p => new Row(p.Id, p.DisplayName, p.Role, p.Status, p.Branch != null ? p.Branch.Name : null, p.PreferredLanguage))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string? Name, ParticipantRole Role, ParticipantStatus Status, string? Branch, string Language);
}
