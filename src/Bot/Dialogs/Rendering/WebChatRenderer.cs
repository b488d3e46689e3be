using System.Globalization;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Rendering;

/// <summary>
/// Web Chat activities. The text keeps the numbered list (a multi-choice answer like "1 3" can only be
/// typed); each option is also a button whose value is its number, which every reader accepts.
/// </summary>
public sealed class WebChatRenderer(LocaleCatalog catalog)
{
    public WebChatMessage Render(OutboundMessage message) => new(
        MessageText.Full(message, catalog),
        message.Choices
            .Select(option => new SuggestedAction(MessageText.Label(option, message, catalog), option.Number.ToString(CultureInfo.InvariantCulture)))
            .ToList(),
        message.Language,
        catalog.IsRightToLeft(message.Language));

    public IReadOnlyList<WebChatMessage> Render(IEnumerable<OutboundMessage> messages) => messages.Select(Render).ToList();
}
