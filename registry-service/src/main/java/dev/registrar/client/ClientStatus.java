package dev.registrar.client;

/** Where a client stands in its life cycle. Only an active client may authenticate, change or get tokens. */
public enum ClientStatus {
    ACTIVE,
    REVOKED,
    EXPIRED,
    DELETED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
