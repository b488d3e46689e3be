namespace MentorBot.Data.Model;

/// <summary>Every message in and out, with its delivery state. Outbound rows in <see cref="DeliveryStatus.Queued"/> form the outbox.</summary>
public sealed class Message
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public Guid? ParticipantId { get; set; }

    public Channel Channel { get; set; }

    public MessageDirection Direction { get; set; }

    public MessageAuthor Author { get; set; }

    /// <summary>The coordinator who wrote it, when <see cref="Author"/> is a coordinator.</summary>
    public Guid? CoordinatorId { get; set; }

    public required string Text { get; set; }

    /// <summary>On an inbound reply to a question: the language she was asked in (when the channel did not know it already).</summary>
    public string? Language { get; set; }

    /// <summary>
    /// On an inbound reply to a dialog's question: the step's kind (<c>ask_number</c>, <c>ask_choice</c>…); null when
    /// the message answered no question (a command, her first message, a message to a coordinator).
    /// </summary>
    public string? QuestionKind { get; set; }

    /// <summary>The bot did not understand this reply to a question (see <see cref="QuestionKind"/>): the console's not-understood rate.</summary>
    public bool NotUnderstood { get; set; }

    /// <summary>
    /// The locale key the text was rendered from (a bot message, a coordinator's ready-made reply); null on older rows,
    /// her messages and free text. With <see cref="MessageArgs"/> and <see cref="MessageOptions"/> the console renders it
    /// again in the coordinator's language.
    /// </summary>
    public string? MessageKey { get; set; }

    /// <summary>The key's named arguments as a jsonb object of strings; personal data (a name, a summary), erased with the text.</summary>
    public string? MessageArgs { get; set; }

    /// <summary>The numbered options, skip hint and written-in languages shown with the key, as jsonb (keys and codes only).</summary>
    public string? MessageOptions { get; set; }

    /// <summary>On her reply to a question: how the dialog engine read it (stored value, options picked), as jsonb.</summary>
    public string? AnswerReading { get; set; }

    /// <summary>Twilio's MessageSid or the Direct Line activity id; unique per channel, which makes webhook retries idempotent.</summary>
    public string? ProviderMessageId { get; set; }

    public DeliveryStatus DeliveryStatus { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>How often the outbox has tried to hand it to the provider.</summary>
    public int Attempts { get; set; }

    /// <summary>When the outbox may try again after a temporary error (429, 5xx, timeout); null means at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>How it actually went out: a WhatsApp reply may go as a template or fall back to SMS.</summary>
    public DeliveryRoute? SentVia { get; set; }

    /// <summary>The WhatsApp template (Twilio ContentSid, HX…) used outside the 24-hour window.</summary>
    public string? WhatsappTemplateSid { get; set; }

    /// <summary>
    /// Set and committed just before the POST to Twilio, cleared with its answer. Still set after its node died:
    /// Twilio may have it, so the outbox looks for it in Twilio's message list before sending again.
    /// </summary>
    public DateTimeOffset? SendStartedAt { get; set; }

    /// <summary>The node (see <see cref="OutboxNode"/>) whose send is in flight.</summary>
    public string? SendNode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
