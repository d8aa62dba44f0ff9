package dev.registrar.readmodel;

import dev.registrar.errors.ClientNotFound;
import dev.registrar.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The authorization server's look-up of a client at authorize and token time. A tenant sees only its own clients. */
@RestController
class ClientLookupController {

    private final ClientRegistrationRepository repository;

    ClientLookupController(ClientRegistrationRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/api/v1/clients/{clientId}")
    ClientView lookUp(@PathVariable String clientId, Caller.TenantCaller caller) {
        return repository.find(caller.tenant(), clientId).orElseThrow(ClientNotFound::new);
    }
}
