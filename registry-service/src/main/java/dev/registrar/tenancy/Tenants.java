package dev.registrar.tenancy;

import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.KeyedHash;
import dev.registrar.errors.UnknownTenant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The tenants in force, and who a presented API key belongs to. */
@Component
public class Tenants {

    private record KeyHolder(byte[] keyHash, Caller caller) {
    }

    private final TenantRepository repository;
    private final Credentials credentials;
    private final List<KeyHolder> configuredKeys;
    private final KeyedHash hash;

    Tenants(TenancyProperties properties, TenantRepository repository, Credentials credentials) {
        this.repository = repository;
        this.credentials = credentials;
        // Configured keys are hashed at start under a key drawn per process, and held only as hashes.
        byte[] processKey = new byte[32];
        new SecureRandom().nextBytes(processKey);
        this.hash = new KeyedHash(processKey);
        List<KeyHolder> holders = new ArrayList<>();
        for (TenancyProperties.Tenant tenant : properties.tenants()) {
            if (tenant.apiKey() != null && !tenant.apiKey().isBlank()) {
                holders.add(new KeyHolder(hash.of(tenant.apiKey()), new Caller.TenantCaller(tenant.id(), "config:tenant:" + tenant.id())));
            }
        }
        if (properties.adminApiKey() != null && !properties.adminApiKey().isBlank()) {
            holders.add(new KeyHolder(hash.of(properties.adminApiKey()), new Caller.Administrator("config:admin")));
        }
        if (properties.auditorApiKey() != null && !properties.auditorApiKey().isBlank()) {
            holders.add(new KeyHolder(hash.of(properties.auditorApiKey()), new Caller.Auditor("config:auditor", null)));
        }
        this.configuredKeys = List.copyOf(holders);
    }

    public List<TenantSettings> all() {
        return repository.all();
    }

    /** The tenant's settings; an unknown id is refused. */
    public TenantSettings require(String tenant) {
        return repository.find(tenant).orElseThrow(UnknownTenant::new);
    }

    public boolean exists(String tenant) {
        return repository.find(tenant).isPresent();
    }

    /**
     * Configured keys are compared against every one, always, so the time taken does not tell which
     * came close; a tenant's key issued through the admin API is found by its keyed hash (administrator
     * and auditor keys issued so are the access package's).
     */
    public Optional<Caller> authenticate(String presentedKey) {
        byte[] presented = hash.of(presentedKey);
        Caller found = null;
        for (KeyHolder holder : configuredKeys) {
            if (KeyedHash.same(holder.keyHash(), presented)) {
                found = holder.caller();
            }
        }
        if (found != null) {
            return Optional.of(found);
        }
        return credentials.ownerOf(CredentialKind.TENANT_API_KEY, presentedKey)
                .map(tenant -> new Caller.TenantCaller(tenant, "tenant:" + tenant));
    }
}
