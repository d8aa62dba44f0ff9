package dev.registrar.anomaly;

/**
 * One occurrence of a counted signal for one subject of one tenant. Its key groups the counting
 * windows, so it holds all three parts.
 */
record Observation(Signal signal, String tenant, String subject) {

    /** Joins the parts of the detector's keys: a control character no tenant, software id or subject contains. */
    static final String SEPARATOR = "\u001f";

    String key() {
        return String.join(SEPARATOR, signal.id(), tenant, subject);
    }

    static Observation ofKey(String key) {
        String[] parts = key.split(SEPARATOR, 3);
        return new Observation(Signal.byId(parts[0]), parts[1], parts[2]);
    }
}
