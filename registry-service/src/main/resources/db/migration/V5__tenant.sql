-- Tenants as configured (from the service's configuration at start, or the admin API), kept by
-- TenantProjection with the aggregate's version.
CREATE TABLE tenant (
    id       VARCHAR(128) NOT NULL PRIMARY KEY,
    version  BIGINT       NOT NULL,
    settings JSONB        NOT NULL
);
