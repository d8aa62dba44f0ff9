package dev.registrar.reporting;

/**
 * The auditor a request comes from, as registry-service (or the configured key) says.
 *
 * @param keyId  the key's id, recorded where the auditor acts (an acknowledgement)
 * @param tenant the one tenant this auditor may see; null for every tenant
 */
record Auditor(String keyId, String tenant) {

    /** The id of an auditor who signed in with the IdP: this prefix and the token's subject. */
    static final String SIGNED_IN = "oidc:";

    boolean signedIn() {
        return keyId.startsWith(SIGNED_IN);
    }

    /**
     * The tenant a report is confined to: the one asked for, for an auditor of every tenant; the
     * auditor's own otherwise, and asking for another is refused.
     */
    String confine(String requestedTenant) {
        if (tenant == null) {
            return requestedTenant;
        }
        if (requestedTenant != null && !requestedTenant.equals(tenant)) {
            throw new OutOfScope();
        }
        return tenant;
    }

    /** Whether something filed under this tenant is the auditor's to see. */
    boolean sees(String filedUnder) {
        return tenant == null || tenant.equals(filedUnder);
    }

    /** A tenant-scoped auditor asked about another tenant; answered 403. */
    static final class OutOfScope extends RuntimeException {
        OutOfScope() {
            super("this auditor key sees one tenant only; leave tenant out or name that tenant", null, false, false);
        }
    }
}
