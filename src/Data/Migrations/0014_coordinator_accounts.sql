-- Accounts done properly: recovery codes for two-factor, one-time setup links an admin hands over, and the
-- authenticator key encrypted at rest. Codes and tokens are stored as their SHA-256 only.
CREATE TABLE coordinator_recovery_codes (
    id              uuid PRIMARY KEY,
    coordinator_id  uuid NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    code_hash       text NOT NULL,
    created_at      timestamptz NOT NULL,
    -- Set when used: a code works once.
    used_at         timestamptz
);
CREATE INDEX ix_coordinator_recovery_codes_coordinator_id ON coordinator_recovery_codes (coordinator_id);

CREATE TABLE coordinator_setup_links (
    id              uuid PRIMARY KEY,
    coordinator_id  uuid NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    token_hash      text NOT NULL,
    created_by      uuid REFERENCES coordinators (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE UNIQUE INDEX ix_coordinator_setup_links_token_hash ON coordinator_setup_links (token_hash);
CREATE INDEX ix_coordinator_setup_links_coordinator_id ON coordinator_setup_links (coordinator_id);

-- coordinators.authenticator_key now holds the key encrypted with ASP.NET Core data protection, prefixed
-- 'dp1:'. Rows written before keep their plain base32 key: the app reads both, and encrypts a plain one the
-- next time her row is saved (SQL cannot: the data-protection keys live in the app).
COMMENT ON COLUMN coordinators.authenticator_key IS 'TOTP key: dp1:<data-protected> or, from before 0014, plain base32';
