package dev.registrar.infra;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load driver was told succeeded (a 2xx), kept apart from what it merely asked: the
 * audit checks that every acknowledged operation is in the event store.
 */
final class Ledger {

    final Set<String> registered = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> updates = new ConcurrentHashMap<>();
    final Set<String> tokens = ConcurrentHashMap.newKeySet();
    final Set<String> revoked = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    final AtomicLong acknowledged = new AtomicLong();

    void registered(String clientId) {
        registered.add(clientId);
        acknowledged.incrementAndGet();
    }

    void updated(String clientId) {
        updates.computeIfAbsent(clientId, id -> new AtomicLong()).incrementAndGet();
        acknowledged.incrementAndGet();
    }

    void recorded(Iterable<String> tokenIds) {
        tokenIds.forEach(tokens::add);
        acknowledged.incrementAndGet();
    }

    void revoked(String clientId) {
        revoked.add(clientId);
        acknowledged.incrementAndGet();
    }

    /** A request that got no 2xx: its status (or "timeout", "unreachable"), counted. */
    void refused(String outcome) {
        refusals.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
    }
}
