-- The governance policy in force per tenant, kept by PolicyProjection with the aggregate's version.
CREATE TABLE tenant_policy (
    tenant  VARCHAR(128) NOT NULL PRIMARY KEY,
    version BIGINT       NOT NULL,
    rules   JSONB        NOT NULL
);
