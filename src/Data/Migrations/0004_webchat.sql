-- Web chat (Direct Line 3.0): every activity of a web-chat conversation, in the order clients see it.
-- The identity id is the watermark: a turn appends its activities while holding its conversation's
-- row lock, so within one conversation ids are committed in increasing order and a client that
-- has seen id N has seen everything before it.
CREATE TABLE direct_line_activities (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id     uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id          uuid REFERENCES messages (id) ON DELETE CASCADE,
    client_activity_id  text,
    activity            jsonb NOT NULL,
    created_at          timestamptz NOT NULL
);
CREATE INDEX ix_direct_line_activities_conversation_id ON direct_line_activities (conversation_id, id);
-- Web Chat retries a post with the same clientActivityID: the second one is answered with the first's id.
CREATE UNIQUE INDEX ix_direct_line_activities_client_activity ON direct_line_activities (conversation_id, client_activity_id)
    WHERE client_activity_id IS NOT NULL;
CREATE INDEX ix_direct_line_activities_message_id ON direct_line_activities (message_id);

-- Wakes the WebSocket streams of a conversation on every node when a commit adds activities to it
-- (NOTIFY is delivered at commit, never for a rolled-back transaction; duplicates in one transaction fold).
CREATE FUNCTION notify_direct_line() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mentorbot_direct_line', NEW.conversation_id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER direct_line_activities_notify AFTER INSERT ON direct_line_activities
    FOR EACH ROW EXECUTE FUNCTION notify_direct_line();
