-- The read model authorization servers query at authorize and token time: one row per client,
-- kept by ClientProjection in the same transaction as the event (read-after-write).
CREATE TABLE client_registration (
    client_id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant                     VARCHAR(128) NOT NULL,
    client_name                VARCHAR(256),
    redirect_uris              TEXT[]       NOT NULL,
    grant_types                TEXT[]       NOT NULL,
    response_types             TEXT[]       NOT NULL,
    token_endpoint_auth_method VARCHAR(32)  NOT NULL,
    scopes                     TEXT[]       NOT NULL,
    software_id                VARCHAR(256),
    software_version           VARCHAR(128),
    registration_method        VARCHAR(16)  NOT NULL,
    status                     VARCHAR(16)  NOT NULL,
    registered_at              TIMESTAMPTZ  NOT NULL,
    last_sequence              BIGINT       NOT NULL
);

CREATE INDEX client_registration_tenant_idx ON client_registration (tenant);
