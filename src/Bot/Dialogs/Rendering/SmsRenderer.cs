using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Rendering;

/// <summary>Plain text for SMS: one body per message, options as a numbered list to answer with a digit.</summary>
public sealed class SmsRenderer(LocaleCatalog catalog)
{
    public string Render(OutboundMessage message) => MessageText.Full(message, catalog);

    public IReadOnlyList<string> Render(IEnumerable<OutboundMessage> messages) => messages.Select(Render).ToList();
}
