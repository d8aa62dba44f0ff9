package dev.registrar.access;

import java.util.Locale;
import java.util.Optional;

/** What an issued access key opens: the admin API, or the read-only audit side. */
public enum AccessRole {
    ADMIN,
    AUDITOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<AccessRole> fromWireName(String value) {
        for (AccessRole role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
