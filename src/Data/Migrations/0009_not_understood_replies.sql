-- Where people get stuck: an inbound reply to a dialog's question keeps the question's kind and whether the bot
-- understood it, written in the same transaction as the turn. Metrics say the same per node and only since the
-- node started; the console's dashboard needs a durable count per language over the last 30 days.
ALTER TABLE messages
    ADD COLUMN question_kind   text,
    ADD COLUMN not_understood  boolean NOT NULL DEFAULT false;

-- The dashboard reads only replies to questions, by date.
CREATE INDEX ix_messages_question_replies ON messages (created_at) WHERE question_kind IS NOT NULL;
