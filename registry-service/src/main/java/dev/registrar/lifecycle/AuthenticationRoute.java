package dev.registrar.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.tenancy.Actor;
import dev.registrar.web.ClientRequest;
import dev.registrar.web.ClientRoute;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/clients/{clientId}/authentication}, at the token endpoint: does this secret
 * authenticate this client? 200, or 401 invalid_client, or 429 after repeated failures.
 */
@Component
class AuthenticationRoute implements ClientRoute {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SecretPresented(String clientSecret) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Authenticated(String clientId, boolean authenticated) {
    }

    private final ClientLifecycle lifecycle;
    private final ObjectReader secretPresented;

    AuthenticationRoute(ClientLifecycle lifecycle, ObjectMapper json) {
        this.lifecycle = lifecycle;
        this.secretPresented = json.readerFor(SecretPresented.class);
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String action() {
        return "/authentication";
    }

    @Override
    public Authenticated answer(ClientRequest request) throws IOException {
        SecretPresented presented = request.body(secretPresented);
        lifecycle.authenticate(request.caller().tenant(), request.clientId(), presented.clientSecret(),
                Actor.authorizationServer(request.caller(), request.remoteAddress()));
        return new Authenticated(request.clientId(), true);
    }
}
