package dev.registrar.client;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a client came to be registered. */
public enum RegistrationMethod {
    /** RFC 7591 dynamic client registration. */
    DCR("dcr");

    private final String wireName;

    RegistrationMethod(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
