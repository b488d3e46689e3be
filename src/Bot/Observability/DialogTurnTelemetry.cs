using System.Diagnostics;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using MentorBot.Data.Telemetry;

namespace MentorBot.Bot.Observability;

/// <summary>
/// The span and the measurements of one dialog turn (<see cref="ConversationHost"/>): started before the turn,
/// finished with what it came to. A turn that throws ends its span as an error and is not counted (its work
/// is rolled back). Nothing personal is recorded: channel, dialog, step, question kind, language, outcome.
/// </summary>
public sealed class DialogTurnTelemetry(MentorBotMetrics metrics, TimeProvider clock)
{
    /// <summary>A message she sent, run through her dialog.</summary>
    public const string ReplySpan = "dialog.reply";

    /// <summary>A dialog started for her (a scheduler prompt, a coordinator's action).</summary>
    public const string StartSpan = "dialog.start";

    public Recording Start(string spanName, Channel channel)
    {
        var span = MentorBotTelemetry.Tracing.StartActivity(spanName)?.SetTag("mentorbot.channel", SnakeCase.From(channel.ToString()));
        return new Recording(this, span, channel, clock.GetTimestamp());
    }

    void Finish(Recording recording, ConversationReply reply)
    {
        var outcome = SnakeCase.From(reply.Outcome.ToString());
        metrics.TurnTaken(recording.Channel, outcome, reply.DialogId, clock.GetElapsedTime(recording.StartedAt));
        recording.Span?.SetTag("mentorbot.turn.outcome", outcome).SetTag("mentorbot.dialog", reply.DialogId);
        if (reply.Answer is { } answer)
        {
            var kind = StepKindNames.NameOf(answer.Kind);
            metrics.QuestionReplied(answer.Language, answer.DialogId, answer.StepId, kind, answer.Understood);
            recording.Span?.SetTag("mentorbot.language", answer.Language).SetTag("mentorbot.step", answer.StepId)
                .SetTag("mentorbot.question_kind", kind).SetTag("mentorbot.understood", answer.Understood);
        }
    }

    /// <summary>One turn being recorded; <see cref="Finish"/> it with the turn's reply, dispose it in any case.</summary>
    public sealed class Recording(DialogTurnTelemetry owner, Activity? span, Channel channel, long startedAt) : IDisposable
    {
        bool _finished;

        internal Activity? Span => span;

        internal Channel Channel => channel;

        internal long StartedAt => startedAt;

        public ConversationReply Finish(ConversationReply reply)
        {
            _finished = true;
            owner.Finish(this, reply);
            return reply;
        }

        public void Dispose()
        {
            if (!_finished)
            {
                span?.SetStatus(ActivityStatusCode.Error, "the turn failed and was rolled back");
            }

            span?.Dispose();
        }
    }
}
