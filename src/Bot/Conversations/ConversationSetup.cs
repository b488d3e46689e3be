using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Matching;
using MentorBot.Bot.PhoneLinking;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Conversations;

public static class ConversationSetup
{
    /// <summary>
    /// The dialogs and texts (loaded and checked now, so a broken file stops startup), the actions they
    /// call, and the host that runs them for every channel.
    /// </summary>
    public static void AddConversations(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<DialogLibraryOptions>();
        DialogLibrary library;
        try
        {
            library = DialogLibrary.Load(options);
        }
        catch (Exception e) when (e is DialogDefinitionException or InvalidDataException or IOException)
        {
            throw new StartupException(e.Message, e);
        }

        var phoneLink = builder.AddValidatedOptions<PhoneLinkOptions>();
        var actions = DialogActions.All(phoneLink, builder.AddValidatedOptions<MatchingOptions>());
        if (DialogLibraryCheck.Problems(library, actions.Names) is { Count: > 0 } problems)
        {
            throw new StartupException(string.Join(Environment.NewLine, problems), new InvalidDataException());
        }

        builder.Services.AddSingleton(library);
        builder.Services.AddSingleton(actions);
        builder.Services.AddSingleton<ConversationHost>();
        builder.Services.AddSingleton<ReplyOutbox>();
        builder.Services.AddScoped<IInboundMessageProcessor, DialogInboundProcessor>();
    }
}
