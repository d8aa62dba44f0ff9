/** Tenants (one per authorization server) and the API keys that authenticate them and administrators. */
package dev.registrar.tenancy;
