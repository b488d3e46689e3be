using System.Diagnostics;
using System.Diagnostics.Metrics;
using MentorBot.Data.Model;
using MentorBot.Data.Naming;

namespace MentorBot.Data.Telemetry;

/// <summary>
/// MentorBot's own instruments, one meter (<see cref="MentorBotTelemetry.Name"/>) made by the host's
/// <see cref="IMeterFactory"/> (so a test's container has its own). Registered once per process; each call site
/// records with one line. Tags are never personal: channel, language code, dialog and step ids, question kind,
/// prompt kind, outcome and reason, but no phone number, name, message text or participant id. The list, with
/// units and meanings, is in docs/observability.md: change both together.
/// </summary>
public sealed class MentorBotMetrics
{
    readonly Counter<long> _inbound;
    readonly Counter<long> _outboundAccepted;
    readonly Counter<long> _outboundRetried;
    readonly Counter<long> _outboundFailed;
    readonly Counter<long> _promptsDispatched;
    readonly Counter<long> _promptsHeld;
    readonly Counter<long> _promptsCancelled;
    readonly Counter<long> _turns;
    readonly Histogram<double> _turnDuration;
    readonly Counter<long> _questionReplies;
    readonly Counter<long> _notUnderstood;

    public MentorBotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MentorBotTelemetry.Name);
        _inbound = meter.CreateCounter<long>("mentorbot.messages.inbound", "{message}", "Messages people sent, stored once each (a webhook retry is not counted again).");
        _outboundAccepted = meter.CreateCounter<long>("mentorbot.messages.outbound.accepted", "{message}", "SMS/WhatsApp messages Twilio accepted for delivery.");
        _outboundRetried = meter.CreateCounter<long>("mentorbot.messages.outbound.retried", "{message}", "Sends that failed for now (429, 5xx, timeout) and are tried again later.");
        _outboundFailed = meter.CreateCounter<long>("mentorbot.messages.outbound.failed", "{message}", "Sends Twilio refused, or that ran out of attempts: never retried.");
        _promptsDispatched = meter.CreateCounter<long>("mentorbot.prompts.dispatched", "{prompt}", "Timed prompts sent: their dialog started for her.");
        _promptsHeld = meter.CreateCounter<long>("mentorbot.prompts.held", "{prompt}", "Due prompts deferred: quiet hours, the daily limit, or another dialog she is answering.");
        _promptsCancelled = meter.CreateCounter<long>("mentorbot.prompts.cancelled", "{prompt}", "Due prompts never sent: opted out, erased, consent withdrawn, match over, event cancelled.");
        _turns = meter.CreateCounter<long>("mentorbot.dialog.turns", "{turn}", "Dialog turns: a reply she sent, or a dialog started for her.");
        _turnDuration = meter.CreateHistogram<double>("mentorbot.dialog.turn.duration", "s", "How long a dialog turn took in the host (database work and actions included).");
        _questionReplies = meter.CreateCounter<long>("mentorbot.dialog.question_replies", "{reply}", "Replies to a question step, understood or not: the not-understood rate's denominator.");
        _notUnderstood = meter.CreateCounter<long>("mentorbot.dialog.not_understood", "{reply}", "Replies to a question step the bot did not understand: where people get stuck.");
    }

    public void InboundReceived(Channel channel) => _inbound.Add(1, Tag.Channel(channel));

    public void OutboundAccepted(Channel channel) => _outboundAccepted.Add(1, Tag.Channel(channel));

    public void OutboundRetried(Channel channel) => _outboundRetried.Add(1, Tag.Channel(channel));

    public void OutboundFailed(Channel channel) => _outboundFailed.Add(1, Tag.Channel(channel));

    /// <summary>What the dispatcher did with a due prompt, read from the status and reason it committed.</summary>
    public void PromptDecided(string kind, PromptStatus status, string? reason)
    {
        switch (status)
        {
            // Not Ready: a prompt the scheduler-only worker hands over is counted once, by the bot node that sends it.
            case PromptStatus.Sent:
                _promptsDispatched.Add(1, new KeyValuePair<string, object?>("kind", kind));
                break;
            case PromptStatus.Deferred:
                _promptsHeld.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));
                break;
            case PromptStatus.Cancelled:
                _promptsCancelled.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));
                break;
        }
    }

    /// <param name="outcome">snake_case, e.g. <c>answered</c>, <c>not_understood</c>, <c>command</c>.</param>
    public void TurnTaken(Channel channel, string outcome, string? dialog, TimeSpan duration)
    {
        var tags = new TagList { Tag.Channel(channel), { "outcome", outcome }, { "dialog", dialog } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <param name="questionKind">The step's kind as dialog files write it: <c>ask_number</c>, <c>ask_choice</c>…</param>
    public void QuestionReplied(string language, string dialog, string step, string questionKind, bool understood)
    {
        var tags = new TagList { { "language", language }, { "dialog", dialog }, { "step", step }, { "question_kind", questionKind } };
        _questionReplies.Add(1, tags);
        if (!understood)
        {
            _notUnderstood.Add(1, tags);
        }
    }

    static class Tag
    {
        /// <summary>As the database spells it: <c>sms</c>, <c>whatsapp</c>, <c>web_chat</c>, <c>console</c>.</summary>
        public static KeyValuePair<string, object?> Channel(Channel channel) => new("channel", SnakeCase.From(channel.ToString()));
    }
}
