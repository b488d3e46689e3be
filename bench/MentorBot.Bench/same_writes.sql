-- The writes MentorBot makes for a new person's first SMS, for pgbench: her participant row, the
-- conversation, her message, the dialog's state and the bot's two replies in the outbox, in one transaction.
BEGIN;
INSERT INTO participants (id, role, track, preferred_language, phone, status, created_at, updated_at)
    VALUES (gen_random_uuid(), 'mentee', 'women', 'da', gen_random_uuid()::text, 'signing_up', now(), now()) RETURNING id AS pid \gset
INSERT INTO conversations (id, participant_id, channel, channel_conversation_id, started_at, last_activity_at)
    VALUES (gen_random_uuid(), :pid, 'sms', gen_random_uuid()::text, now(), now()) RETURNING id AS cid \gset
INSERT INTO messages (id, conversation_id, participant_id, channel, direction, author, text, language, provider_message_id, delivery_status, created_at, updated_at)
    VALUES (gen_random_uuid(), :cid, :pid, 'sms', 'inbound', 'participant', 'Hej', 'da', gen_random_uuid()::text, 'received', now(), now());
INSERT INTO dialog_sessions (id, participant_id, dialog_id, dialog_version, step_id, state, status, started_at, updated_at)
    VALUES (gen_random_uuid(), :pid, 'welcome', 1, 'ask_language', '{"dialogId": "welcome", "stepId": "ask_language", "values": {}}', 'active', now(), now());
INSERT INTO messages (id, conversation_id, participant_id, channel, direction, author, text, language, delivery_status, created_at, updated_at)
    VALUES (gen_random_uuid(), :cid, :pid, 'sms', 'outbound', 'bot', 'Velkommen! Vælg dit sprog: 1. Dansk 2. English 3. العربية', 'da', 'queued', now(), now()),
           (gen_random_uuid(), :cid, :pid, 'sms', 'outbound', 'bot', 'Vil du finde en mentor eller være mentor?', 'da', 'queued', now(), now());
END;
