-- Credential material lives only here, as keyed hashes (HMAC-SHA-256 with the server's key),
-- written in the same transaction as the event that issues or rotates it; never in an event.
CREATE TABLE credential (
    owner_id   VARCHAR(64)  NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    hash       BYTEA        NOT NULL,
    issued_at  TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ,
    PRIMARY KEY (owner_id, kind)
);

-- Initial access tokens are found by their hash. (jOOQ's DDL interpreter cannot index bytea.)
-- [jooq ignore start]
CREATE UNIQUE INDEX credential_hash_idx ON credential (kind, hash);
-- [jooq ignore stop]

-- The full registered metadata, for RFC 7592 reads, and what decided the registration.
ALTER TABLE client_registration ADD COLUMN metadata JSONB NOT NULL DEFAULT '{}';
ALTER TABLE client_registration ADD COLUMN policy_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE client_registration ADD COLUMN client_secret_expires_at TIMESTAMPTZ;
ALTER TABLE client_registration ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE client_registration ADD COLUMN initial_access_token_id VARCHAR(64);
ALTER TABLE client_registration ADD COLUMN updated_at TIMESTAMPTZ;

CREATE INDEX client_registration_software_idx ON client_registration (tenant, software_id, status);
