-- Several sends in flight per node, and still one conversation's messages in order: a queued message is due only
-- when no earlier message of its conversation is unsettled (queued, waiting for a retry, or in flight). This index
-- answers that question for each candidate the outbox claims.
CREATE INDEX ix_messages_outbox_unsettled ON messages (conversation_id, created_at, id)
    WHERE direction = 'outbound' AND delivery_status = 'queued' AND provider_message_id IS NULL;
