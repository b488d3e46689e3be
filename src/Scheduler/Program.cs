using MentorBot.Scheduler.Worker;

// `dotnet run --project src/Scheduler` with ConnectionStrings__MentorBot: a scheduler-only node, a Hangfire
// server on the MentorBot nodes' database beside theirs that runs only the jobs: no web app.
return await SchedulerWorker.RunAsync(args);
