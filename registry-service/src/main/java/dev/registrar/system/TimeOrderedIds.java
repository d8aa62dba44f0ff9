package dev.registrar.system;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUIDs of version 7 (RFC 9562 section 5.7): the creation's millisecond first, then 74 random bits.
 * Ids made close in time sort close together, so a new row's index entries land at the right edge
 * of the B-trees keyed by them (the event store's event and aggregate ids, the clients' ids), in
 * pages already in memory; random ids (version 4) scatter the inserts over the whole index, whose
 * pages must be read back once the index outgrows PostgreSQL's buffers.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long TWELVE_BITS = 0x0FFFL;
    private static final long SIXTY_TWO_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private TimeOrderedIds() {
    }

    /** A version-7 UUID for the instant {@code epochMillis}, its random bits from {@code random}. */
    public static UUID at(long epochMillis, RandomGenerator random) {
        long mostSignificant = (epochMillis << 16) | VERSION_7 | (random.nextLong() & TWELVE_BITS);
        long leastSignificant = VARIANT_RFC | (random.nextLong() & SIXTY_TWO_BITS);
        return new UUID(mostSignificant, leastSignificant);
    }
}
