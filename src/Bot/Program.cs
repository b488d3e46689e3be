using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Bot.Channels.WebChat;
using MentorBot.Bot.Commands;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Coordinator;
using MentorBot.Bot.Coordinator.Accounts;
using MentorBot.Bot.Database;
using MentorBot.Bot.Health;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Privacy;
using MentorBot.Bot.Matching;
using MentorBot.Bot.Observability;
using MentorBot.Bot.Scheduling;
using MentorBot.Bot.SurveyResults;
using MentorBot.Bot.Testing;
using Microsoft.Extensions.Options;

// `MentorBot.Bot [command] [--key value…]`: no command serves the web app; `migrate` applies the schema
// and exits; `chat <dialog> --lang <code>` runs a dialog in the terminal; `demo-data` adds made-up mentors;
// `add-coordinator --email E --role admin|coordinator [--branch B]` creates a console account (password from MENTORBOT_PASSWORD);
// `locales export|import|status` is the translators' round trip (no database).
if (BotCommand.From(args) is not { } command)
{
    Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: {string.Join(", ", BotCommand.Known)}. With no command, MentorBot serves the web app.");
    return 2;
}

if (command.Name == BotCommand.Locales)
{
    return LocalesCommand.Run(command, Console.Out);
}

var builder = WebApplication.CreateBuilder(command.HostArguments);
if (command.Name == BotCommand.Chat)
{
    builder.Configuration["Logging:LogLevel:Default"] = "Warning"; // the terminal is for the conversation
}

builder.AddMentorBotLogging();
builder.AddObservability();

try
{
    builder.AddAppClock();
    builder.AddConversations();
    await using var database = await builder.StartDatabaseAsync();
    if (command.Name == BotCommand.Migrate)
    {
        return 0;
    }

    builder.AddMentorBotData(database);
    builder.AddMentorBotHealth();
    builder.AddMatching();

    if (command.Name == BotCommand.Chat)
    {
        await using var chat = builder.Build();
        return await ChatCommand.RunAsync(chat.Services, command.Arguments.FirstOrDefault() ?? "welcome", command.Language ?? "da",
            Console.In, Console.Out, CancellationToken.None);
    }

    if (command.Name == BotCommand.DemoData)
    {
        await using var demo = builder.Build();
        return await DemoDataCommand.RunAsync(demo.Services, builder.Configuration["mentors"], Console.Out, CancellationToken.None);
    }

    if (command.Name == BotCommand.AddCoordinator)
    {
        builder.AddCoordinatorAccounts();
        await using var accounts = builder.Build();
        return await AddCoordinatorCommand.RunAsync(accounts.Services, builder.Configuration,
            Environment.GetEnvironmentVariable(AddCoordinatorCommand.PasswordVariable), Console.Out, CancellationToken.None);
    }

    builder.AddEdge();
    builder.AddMentorBotScheduling(database);
    builder.AddTwilioChannel();
    builder.AddTwilioSimulator();
    builder.AddWebChat();
    builder.AddPrivacy();
    builder.AddSurveyResults();
    builder.AddCoordinatorConsole();

    var app = builder.Build();
    app.UseEdge();
    app.UseDatabaseOutageAnswers();
    app.MapHealth();
    app.MapTwilioChannel();
    app.MapTwilioSimulator();
    app.MapWebChat();
    app.MapCoordinatorConsole();
    app.MapJobsDashboard();
    app.MapTestClock();
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OptionsValidationException e)
{
    // A bad setting, found while the app is set up or by ValidateOnStart: one line per key, no stack trace.
    Console.Error.WriteLine(string.Join(Environment.NewLine, e.Failures));
    return 1;
}
