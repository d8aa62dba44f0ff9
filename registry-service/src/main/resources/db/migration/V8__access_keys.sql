-- Administrator and auditor keys issued through the admin API, as AccessKeyProjection keeps them;
-- their hashes are in credential (kind ACCESS_KEY, owner_id = key_id), never here.
CREATE TABLE access_key (
    key_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    role           VARCHAR(16)  NOT NULL,
    tenant         VARCHAR(128),
    label          VARCHAR(200) NOT NULL,
    issued_at      TIMESTAMPTZ  NOT NULL,
    rotated_at     TIMESTAMPTZ,
    revoked_at     TIMESTAMPTZ,
    revoked_reason VARCHAR(500),
    last_used_at   TIMESTAMPTZ
);
