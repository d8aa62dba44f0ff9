package dev.registrar.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The published language must never carry credential material: an immutable log cannot forget it.
 * Fails when any payload (or a record inside one) gains a field whose name says secret, password,
 * token, hash, key or credential — unless it is about one rather than one: its id, a time, its method or
 * lifetime (tokenId, clientSecretExpiresAt, tokenEndpointAuthMethod, secretLifetimeSeconds).
 */
class NoSecretsInPayloadsTest {

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(secret|password|token|hash|key|credential).*");
    /** Names about a secret, not of one: its id, a time, how it is used, how long it lives. */
    private static final Pattern ABOUT_A_SECRET = Pattern.compile(".*(Id|Ids|At|Until|Method|Lifetime|LifetimeSeconds)$");

    @Test
    void noPayloadHasASecretLikeField() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> payload : EventPayload.class.getPermittedSubclasses()) {
            collect(payload, payload.getSimpleName(), offenders);
        }
        collect(EventEnvelope.class, "EventEnvelope", offenders);

        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckCatchesASecretLikeField() {
        record Leaky(String clientSecret, String tokenId, java.time.Instant clientSecretExpiresAt) {
        }
        List<String> offenders = new ArrayList<>();

        collect(Leaky.class, "Leaky", offenders);

        assertThat(offenders).containsExactly("Leaky.clientSecret");
    }

    private static void collect(Class<?> type, String path, List<String> offenders) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (SECRET_LIKE.matcher(name).matches() && !ABOUT_A_SECRET.matcher(name).matches()) {
                offenders.add(path + "." + name);
            }
            collect(component.getType(), path + "." + name, offenders);
            if (component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                collect(element, path + "." + name + "[]", offenders);
            }
        }
    }
}
