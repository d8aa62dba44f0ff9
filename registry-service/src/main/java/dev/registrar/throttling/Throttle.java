package dev.registrar.throttling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.registrar.errors.TooManyAttempts;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One limit applied per key (a tenant, an address, a client): a token bucket per key, in a cache
 * bounded in size and forgetting keys idle for a whole period, so a flood of distinct keys cannot
 * exhaust memory. A refused attempt is a 429 whose Retry-After says when the next one may pass.
 */
public final class Throttle {

    private final String refusal;
    private final Limit limit;
    private final Cache<String, Bucket> buckets;

    /**
     * @param refusal what a refused caller is told, e.g. "too many registrations from this address"
     * @param maxKeys how many keys are tracked at most; the least recently used are forgotten first
     */
    public Throttle(String refusal, Limit limit, long maxKeys) {
        this.refusal = refusal;
        this.limit = limit;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(limit.period()).build();
    }

    /** Takes one attempt from the key's allowance, or refuses when none is left. */
    public void acquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refused(probe.getNanosToWaitForRefill());
        }
    }

    /** Refuses when the key has used up its allowance, without taking from it: failures are counted by {@link #record}. */
    public void checkAllowed(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null && bucket.getAvailableTokens() < 1) {
            throw refused(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /** Counts one failure against the key's allowance. */
    public void record(String key) {
        bucket(key).tryConsume(1);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, absent -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
    }

    private TooManyAttempts refused(long nanosToWait) {
        Duration retryAfter = Duration.ofNanos(nanosToWait).plusSeconds(1);
        return new TooManyAttempts(refusal + "; retry after " + retryAfter.toSeconds() + " s", retryAfter);
    }
}
