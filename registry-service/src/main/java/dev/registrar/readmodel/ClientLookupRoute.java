package dev.registrar.readmodel;

import dev.registrar.errors.ClientNotFound;
import dev.registrar.web.ClientRequest;
import dev.registrar.web.ClientRoute;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/clients/{clientId}}: the authorization server's look-up of a client at authorize and token time. A tenant sees only its own clients. */
@Component
class ClientLookupRoute implements ClientRoute {

    private final ClientRegistrationRepository repository;

    ClientLookupRoute(ClientRegistrationRepository repository) {
        this.repository = repository;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String action() {
        return "";
    }

    @Override
    public ClientView answer(ClientRequest request) {
        return repository.find(request.caller().tenant(), request.clientId()).orElseThrow(ClientNotFound::new);
    }
}
