package dev.registrar.web;

import dev.registrar.tenancy.Caller;

/**
 * One request to a {@link ClientRoute}: the client it names, the authorization server asking, where
 * it asked from, and the body the route takes, already read.
 */
public record ClientRequest(String clientId, Caller.TenantCaller caller, String remoteAddress, Object body) {

    public <T> T body(Class<T> type) {
        return type.cast(body);
    }
}
