-- The Twilio outbox: retry bookkeeping for outbound messages, and how each one actually went out
-- (WhatsApp free text inside the 24-hour window, a WhatsApp template outside it, or SMS instead).
ALTER TABLE messages
    ADD COLUMN attempts               integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at        timestamptz,
    ADD COLUMN sent_via               text,
    ADD COLUMN whatsapp_template_sid  text;

-- Wakes the outbox dispatcher on every node when a transaction that queued an outbound message
-- commits: NOTIFY is delivered at commit, and never for a rolled-back transaction. Inserts only, so
-- the dispatcher's own updates (a retry stays queued) don't wake it again.
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mentorbot_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER messages_notify_outbox AFTER INSERT ON messages
    FOR EACH ROW WHEN (NEW.direction = 'outbound' AND NEW.delivery_status = 'queued')
    EXECUTE FUNCTION notify_outbox();
