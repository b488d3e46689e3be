using System.Xml.Linq;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// Keeps Data Protection's keys in PostgreSQL (table data_protection_keys), so a console cookie and its
/// anti-forgery token stay valid after a restart and on every node behind a load balancer.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorBotDb>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorBotDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), CreatedAt = clock.GetUtcNow() });
        db.SaveChanges();
    }
}
