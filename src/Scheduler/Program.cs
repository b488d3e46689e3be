using MentorBot.Scheduler.Worker;

// `dotnet run --project src/Scheduler` with ConnectionStrings__MentorBot: a scheduler-only node that
// joins the Quartz cluster of the MentorBot nodes on that database and runs only the jobs.
return await SchedulerWorker.RunAsync(args);
