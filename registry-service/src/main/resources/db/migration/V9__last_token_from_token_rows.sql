-- When a client last got a token is read from its token rows, no longer kept on its own row: token
-- batches naming the same clients then never wait for each other's locks on those rows.
CREATE INDEX token_client_issued_idx ON token (client_id, issued_at);
ALTER TABLE client_registration DROP COLUMN last_token_issued_at;
