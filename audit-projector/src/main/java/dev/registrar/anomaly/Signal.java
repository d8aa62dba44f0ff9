package dev.registrar.anomaly;

import java.util.Arrays;

/** What the detector counts, per which subject, and the kind of alert a breach raises. */
enum Signal {

    REGISTRATIONS_PER_TENANT("registrations-per-tenant", "registration-spike", "tenant", "registrations"),
    REGISTRATIONS_PER_SOFTWARE("registrations-per-software", "registration-spike", "software_id", "registrations"),
    REGISTRATIONS_PER_SOURCE("registrations-per-source", "registration-spike", "source_address", "registrations"),
    REJECTED_REGISTRATIONS_PER_SOURCE("rejected-registrations-per-source", "rejected-registration-spike", "source_address",
            "refused registrations"),
    FAILED_AUTHENTICATIONS_PER_CLIENT("failed-authentications-per-client", "failed-authentication-spike", "client_id",
            "failed client authentications"),
    UNUSUAL_SCOPE("unusual-scope", "unusual-scope", "software_id", "registrations asking for scopes new to their software");

    private final String id;
    private final String alertKind;
    private final String subjectName;
    private final String countedThings;

    Signal(String id, String alertKind, String subjectName, String countedThings) {
        this.id = id;
        this.alertKind = alertKind;
        this.subjectName = subjectName;
        this.countedThings = countedThings;
    }

    String id() {
        return id;
    }

    String alertKind() {
        return alertKind;
    }

    /** The name of what the signal counts by, as alerts show it: {@code software_id=claude-code}. */
    String subjectName() {
        return subjectName;
    }

    /** What a count of this signal counts, for alert summaries. */
    String countedThings() {
        return countedThings;
    }

    static Signal byId(String id) {
        return Arrays.stream(values()).filter(signal -> signal.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no signal " + id));
    }
}
