package dev.registrar.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.errors.ClientNotFound;
import dev.registrar.readmodel.ClientDirectory;
import dev.registrar.readmodel.RegisteredClient;
import dev.registrar.registration.RedirectUriMatch;
import dev.registrar.web.ClientRequest;
import dev.registrar.web.ClientRoute;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/clients/{clientId}/redirect-uri-check}, at the authorize endpoint: is this
 * redirect URI registered for the client (loopback ports ignored)?
 */
@Component
class RedirectUriCheckRoute implements ClientRoute {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RedirectUriPresented(String redirectUri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RedirectUriChecked(String clientId, boolean match) {
    }

    private final ClientDirectory directory;
    private final ObjectReader redirectUriPresented;

    RedirectUriCheckRoute(ClientDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.redirectUriPresented = json.readerFor(RedirectUriPresented.class);
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String action() {
        return "/redirect-uri-check";
    }

    @Override
    public RedirectUriChecked answer(ClientRequest request) throws IOException {
        RedirectUriPresented presented = request.body(redirectUriPresented);
        RegisteredClient client = directory.registration(request.caller().tenant(), request.clientId()).orElseThrow(ClientNotFound::new);
        boolean match = "active".equals(client.status()) && RedirectUriMatch.matches(client.metadata().redirectUris(), presented.redirectUri());
        return new RedirectUriChecked(request.clientId(), match);
    }
}
