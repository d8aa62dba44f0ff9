package dev.registrar.system;

import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * Gives every Axon message, stored events included, a version-7 UUID instead of a random one (see
 * {@link TimeOrderedIds}). Axon finds it through {@code META-INF/services}. Message ids are not
 * secrets, so the random bits come from the thread's generator rather than the SecureRandom that
 * every thread shares behind {@code UUID.randomUUID()}.
 */
public class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.at(System.currentTimeMillis(), ThreadLocalRandom.current()).toString();
    }
}
