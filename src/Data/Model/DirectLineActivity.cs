namespace MentorBot.Data.Model;

/// <summary>
/// One Direct Line activity of a web-chat conversation as clients receive it (her echoed message, a bot
/// reply with its buttons). <see cref="Id"/> orders them and is the watermark.
/// </summary>
public sealed class DirectLineActivity
{
    public long Id { get; init; }

    public Guid ConversationId { get; set; }

    /// <summary>The message row it shows, so erasing a message erases its activity.</summary>
    public Guid? MessageId { get; set; }

    /// <summary>Web Chat's <c>channelData.clientActivityID</c>: a retried post is recognised by it.</summary>
    public string? ClientActivityId { get; set; }

    /// <summary>The activity JSON, without its id (which is made from <see cref="Id"/> when read).</summary>
    public required string Activity { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
