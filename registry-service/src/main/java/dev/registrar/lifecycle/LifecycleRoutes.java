package dev.registrar.lifecycle;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.errors.ClientNotFound;
import dev.registrar.readmodel.ClientDirectory;
import dev.registrar.readmodel.RegisteredClient;
import dev.registrar.registration.RedirectUriMatch;
import dev.registrar.tenancy.Actor;
import dev.registrar.web.ClientRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What an authorization server asks about a client at its authorize and token endpoints. */
@Configuration
class LifecycleRoutes {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SecretPresented(String clientSecret) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Authenticated(String clientId, boolean authenticated) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RedirectUriPresented(String redirectUri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RedirectUriChecked(String clientId, boolean match) {
    }

    /** {@code POST …/authentication}, at the token endpoint: does this secret authenticate this client? 200, or 401 invalid_client, or 429 after repeated failures. */
    @Bean
    ClientRoute authentication(ClientLifecycle lifecycle) {
        return ClientRoute.post("/authentication", SecretPresented.class, request -> {
            lifecycle.authenticate(request.caller().tenant(), request.clientId(), request.body(SecretPresented.class).clientSecret(),
                    Actor.authorizationServer(request.caller(), request.remoteAddress()));
            return new Authenticated(request.clientId(), true);
        });
    }

    /** {@code POST …/redirect-uri-check}, at the authorize endpoint: is this redirect URI registered for the client (loopback ports ignored)? */
    @Bean
    ClientRoute redirectUriCheck(ClientDirectory directory) {
        return ClientRoute.post("/redirect-uri-check", RedirectUriPresented.class, request -> {
            RegisteredClient client = directory.registration(request.caller().tenant(), request.clientId()).orElseThrow(ClientNotFound::new);
            boolean match = "active".equals(client.status())
                    && RedirectUriMatch.matches(client.metadata().redirectUris(), request.body(RedirectUriPresented.class).redirectUri());
            return new RedirectUriChecked(request.clientId(), match);
        });
    }
}
