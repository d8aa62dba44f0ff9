package dev.registrar.readmodel;

import dev.registrar.errors.ClientNotFound;
import dev.registrar.web.ClientRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClientLookupRoute {

    /** {@code GET /api/v1/clients/{clientId}}: the authorization server's look-up of a client at authorize and token time. A tenant sees only its own clients. */
    @Bean
    ClientRoute clientLookUp(ClientRegistrationRepository repository) {
        return ClientRoute.get("", request -> repository.find(request.caller().tenant(), request.clientId()).orElseThrow(ClientNotFound::new));
    }
}
