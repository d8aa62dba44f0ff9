package dev.registrar.tenancy;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Who acts, for which tenant, from where: carried as command metadata onto every event it causes,
 * and from there into the published envelope.
 *
 * @param kind {@code anonymous}, {@code client} (holding its registration access token), {@code tenant}, {@code admin},
 *             {@code auditor} or {@code system}
 * @param id   for a caller with a key, the key's id
 */
public record Actor(String tenant, String kind, String id, String remoteAddress) {

    public static Actor anonymous(String tenant, String remoteAddress) {
        return new Actor(tenant, "anonymous", "", remoteAddress);
    }

    /** An administrator, named by the key it called with. */
    public static Actor administrator(String tenant, Caller.Administrator administrator) {
        return new Actor(tenant, "admin", administrator.keyId(), null);
    }

    /** The tenant's authorization server, calling with its API key. */
    public static Actor authorizationServer(Caller.TenantCaller caller, String remoteAddress) {
        return new Actor(caller.tenant(), "tenant", caller.keyId(), remoteAddress);
    }

    /** The service's own configuration, applied at start. */
    public static Actor configuration(String tenant) {
        return new Actor(tenant, "system", "config", null);
    }

    /** The same actor, acting for another tenant (a job that runs across tenants). */
    public Actor forTenant(String otherTenant) {
        return new Actor(otherTenant, kind, id, remoteAddress);
    }

    public MetaData toMetaData() {
        Map<String, String> values = new HashMap<>();
        values.put("tenant", tenant);
        values.put("actorKind", kind);
        values.put("actorId", id);
        if (remoteAddress != null) {
            values.put("remoteAddress", remoteAddress);
        }
        return MetaData.from(values);
    }
}
