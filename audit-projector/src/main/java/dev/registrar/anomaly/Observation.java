package dev.registrar.anomaly;

/**
 * One occurrence of a counted signal for one subject of one tenant. Its key groups the counting
 * windows, so it holds all three parts; tenants and subjects never contain the separator's control
 * character.
 */
record Observation(Signal signal, String tenant, String subject) {

    private static final String SEPARATOR = "\u001f";

    String key() {
        return String.join(SEPARATOR, signal.id(), tenant, subject);
    }

    static Observation ofKey(String key) {
        String[] parts = key.split(SEPARATOR, 3);
        return new Observation(Signal.byId(parts[0]), parts[1], parts[2]);
    }
}
