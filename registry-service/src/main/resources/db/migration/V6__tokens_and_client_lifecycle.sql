-- Token accounting: one row per token id (a jti or its hash), so a retried batch records nothing
-- twice. Token facts never enter the Client aggregate; the TokenIssued events are written in the
-- same transaction as these rows.
CREATE TABLE token (
    token_id         VARCHAR(128) NOT NULL PRIMARY KEY,
    tenant           VARCHAR(128) NOT NULL,
    client_id        VARCHAR(64)  NOT NULL,
    software_id      VARCHAR(256),
    software_version VARCHAR(128),
    scopes           TEXT[]       NOT NULL,
    audience         TEXT[]       NOT NULL,
    grant_type       VARCHAR(64)  NOT NULL,
    subject          VARCHAR(256),
    issued_at        TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    revoked_at       TIMESTAMPTZ
);

CREATE INDEX token_client_idx ON token (client_id, expires_at);

-- What the lifecycle jobs ask of a client: when it last got a token, why it stopped.
ALTER TABLE client_registration ADD COLUMN last_token_issued_at TIMESTAMPTZ;
ALTER TABLE client_registration ADD COLUMN status_reason VARCHAR(256);

-- A rotated client secret keeps working until its grace period ends.
ALTER TABLE credential ADD COLUMN previous_hash BYTEA;
ALTER TABLE credential ADD COLUMN previous_expires_at TIMESTAMPTZ;
