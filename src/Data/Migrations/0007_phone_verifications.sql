-- Linking a phone number to a web-chat participant: one-time codes sent by SMS. The code itself is never
-- stored, only its salted SHA-256 (the row id is the salt); a row is used once, expires, and counts tries.
CREATE TABLE phone_verifications (
    id              uuid PRIMARY KEY,
    participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    phone           text NOT NULL,
    code_hash       text NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    verified_at     timestamptz
);
-- "At most N codes per number (and per person) per hour" counts recent rows.
CREATE INDEX ix_phone_verifications_phone_created ON phone_verifications (phone, created_at);
CREATE INDEX ix_phone_verifications_participant_created ON phone_verifications (participant_id, created_at);
