-- Sending SMS from several nodes without breaking a sender's rate, and without sending twice when a node dies.

-- One row per sender (a number, whatsapp:+number, or a Messaging Service): the earliest time its next segment
-- may go out. Every node reserves its send slots here with one atomic UPDATE, so the rate holds for the cluster.
CREATE TABLE twilio_sender_slots (
    sender        text PRIMARY KEY,
    next_slot_at  timestamptz NOT NULL
);

-- Every node running an outbox dispatcher says it is alive here every few seconds. A message left in flight
-- by a node whose row went stale is reconciled with Twilio by another node.
CREATE TABLE outbox_nodes (
    node_id  text PRIMARY KEY,
    seen_at  timestamptz NOT NULL
);

-- Set (and committed) just before the POST to Twilio, cleared when its answer is stored: a row still in flight
-- after its node died may have reached Twilio, so it is looked up in Twilio's message list before any resend.
ALTER TABLE messages
    ADD COLUMN send_started_at  timestamptz,
    ADD COLUMN send_node        text;

CREATE INDEX ix_messages_in_flight ON messages (send_started_at) WHERE send_started_at IS NOT NULL;
