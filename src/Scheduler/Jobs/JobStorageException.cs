namespace MentorBot.Scheduler.Jobs;

/// <summary>Hangfire's storage can't be used; the message says why, in one line.</summary>
public sealed class JobStorageException(string message, Exception? inner = null) : Exception(message, inner);
