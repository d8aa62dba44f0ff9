package dev.registrar.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registrar.client.ClientEvent;
import dev.registrar.lifecycle.ClientAuthenticationFailed;
import dev.registrar.policy.InitialAccessTokenEvent;
import dev.registrar.policy.PolicyEvent;
import dev.registrar.registration.RegistrationRejected;
import dev.registrar.tenancy.TenantEvent;
import dev.registrar.tokens.TokenEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WireTypesTest {

    @Test
    void everyDomainEventHasAPayloadTwinNamingItsWireType() {
        List<Class<?>> events = new ArrayList<>();
        Stream.of(ClientEvent.class, TokenEvent.class, PolicyEvent.class, InitialAccessTokenEvent.class, TenantEvent.class)
                .forEach(family -> events.addAll(List.of(family.getPermittedSubclasses())));
        events.add(RegistrationRejected.class);
        events.add(ClientAuthenticationFailed.class);

        for (Class<?> event : events) {
            assertThat(WireTypes.of(event)).as(event.getSimpleName()).isPresent();
        }
        assertThat(WireTypes.of(dev.registrar.client.ClientRegistered.class)).hasValue("client.registered");
    }
}
