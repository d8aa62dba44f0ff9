package dev.registrar.tenancy;

/** What can happen to a tenant. */
public sealed interface TenantEvent permits TenantConfigured, TenantApiKeyRotated, TenantApiKeyRevoked {

    String tenantId();
}
