package dev.registrar.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived memory of rows every request reads and few change (a tenant's settings, its
 * policy). A change made here is forgotten once its transaction commits, so the next request reads
 * it; a change made by another instance shows within {@code lifetime}.
 */
public final class RecentReads<K, V> {

    private final Cache<K, Optional<V>> remembered;

    public RecentReads(Duration lifetime, long maxEntries) {
        this.remembered = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(maxEntries).build();
    }

    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        return remembered.get(key, read);
    }

    /** Forgets the key now and again after the current transaction commits, so no reader keeps the row it replaced. */
    public void changed(K key) {
        remembered.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    remembered.invalidate(key);
                }
            });
        }
    }
}
