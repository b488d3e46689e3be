using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Privacy;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// The confirmation step before erasing a person (GDPR art. 17): the page says what goes and what stays,
/// and only a POST with the confirmation ticked erases her, through <see cref="PersonErasure"/> (which
/// audits it). Someone outside her branches is not found (404).
/// </summary>
public sealed class EraseModel(MentorBotDb db, ConsoleAccessReader accessReader, PersonErasure erasure) : PageModel
{
    public Participant Person { get; private set; } = null!;

    public bool NotConfirmed { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        if (await access.Filter(db.Participants).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            // Not ticked: the same page again, saying so (nothing changed).
            var page = await OnGetAsync(id, cancellationToken);
            NotConfirmed = page is PageResult;
            if (NotConfirmed)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return page;
        }

        var access = await accessReader.ReadAsync(cancellationToken);
        var result = await erasure.EraseAsync(id, access, cancellationToken);
        if (result.Outcome == ErasureOutcome.NotFound)
        {
            return NotFound();
        }

        Notice = result.Outcome == ErasureOutcome.Erased ? "person.notice.erased" : "person.notice.already_erased";
        return RedirectToPage("/Person", new { id });
    }
}
