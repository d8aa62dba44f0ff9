package dev.registrar.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Every scope one software of one tenant has asked for, how many registrations and updates taught
 * them, and the unusual-scope alert it has open, if any.
 */
record KnownScopes(long requests, List<String> scopes, String alertId, Instant openedAt, Instant lastAlertAt, long revision,
                   List<String> alertScopes, long alertRequests) {

    static final KnownScopes NONE = new KnownScopes(0, List.of(), null, null, null, 0, List.of(), 0);

    List<String> unseen(List<String> requested) {
        return requested.stream().filter(scope -> !scopes.contains(scope)).distinct().sorted().toList();
    }

    KnownScopes learned(List<String> requested) {
        TreeSet<String> all = new TreeSet<>(scopes);
        all.addAll(requested);
        return new KnownScopes(requests + 1, List.copyOf(all), alertId, openedAt, lastAlertAt, revision, alertScopes, alertRequests);
    }

    boolean hasOpenAlertAt(Instant at, Duration cooldown) {
        return alertId != null && !at.isAfter(lastAlertAt.plus(cooldown));
    }

    KnownScopes opened(String id, Instant at, List<String> unseen) {
        return new KnownScopes(requests, scopes, id, at, at, 1, unseen, 1);
    }

    KnownScopes updated(Instant at, List<String> unseen) {
        TreeSet<String> all = new TreeSet<>(alertScopes);
        all.addAll(unseen);
        return new KnownScopes(requests, scopes, alertId, openedAt, at, revision + 1, List.copyOf(all), alertRequests + 1);
    }
}
