package dev.registrar.anomaly;

import java.util.List;

/** The scopes one registration or metadata update of a software asked for and was granted. */
record ScopeRequest(String tenant, String softwareId, String softwareVersion, String clientId, List<String> scopes) {

    String key() {
        return tenant + Observation.SEPARATOR + softwareId;
    }
}
