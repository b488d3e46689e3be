-- Direct Line tokens are signed, not stored, so a token stays good until it expires: unless its conversation's
-- generation moved on. Each token carries the generation it was issued under; a request with an older one is
-- refused. Keyed by the Direct Line conversation id (what the token names), not by conversations.id: erasure
-- renames her conversation, and the tokens in her browser must stay refused after that. No row: generation 0.
-- The key is the hex SHA-256 of that id, so nothing of the id (a trusted client may choose its own) outlives her.
CREATE TABLE direct_line_token_generations (
    conversation_key    text PRIMARY KEY,
    generation          integer NOT NULL,
    changed_at          timestamptz NOT NULL
);
