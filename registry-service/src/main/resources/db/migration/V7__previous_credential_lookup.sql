-- A rotated tenant API key is found by its previous hash during its grace period.
-- [jooq ignore start]
CREATE INDEX credential_previous_hash_idx ON credential (kind, previous_hash) WHERE previous_hash IS NOT NULL;
-- [jooq ignore stop]
