using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Bot.Database;
using MentorBot.Bot.Health;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Scheduling;

// `MentorBot.Bot [command] [--key value…]`: no command serves the web app; `migrate` applies the schema and exits.
if (BotCommand.From(args) is not { } command)
{
    Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: {BotCommand.Migrate}. With no command, MentorBot serves the web app.");
    return 2;
}

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddMentorBotLogging();

try
{
    await using var database = await builder.StartDatabaseAsync();
    if (command.Name == BotCommand.Migrate)
    {
        return 0;
    }

    builder.AddMentorBotData(database);
    builder.AddMentorBotHealth();
    builder.AddMentorBotScheduling(database);
    builder.AddTwilioChannel();
    builder.AddTwilioSimulator();

    var app = builder.Build();
    app.MapHealth();
    app.MapTwilioChannel();
    app.MapTwilioSimulator();
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
