package dev.registrar.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other capabilities may ask the client read model. */
@Component
public class ClientDirectory {

    private final ClientRegistrationRepository repository;

    ClientDirectory(ClientRegistrationRepository repository) {
        this.repository = repository;
    }

    public Optional<RegisteredClient> registration(String tenant, String clientId) {
        return repository.registration(tenant, clientId);
    }

    public Map<String, TokenSubject> tokenSubjects(String tenant, Collection<String> clientIds) {
        return repository.tokenSubjects(tenant, clientIds);
    }

    public List<SoftwareClient> activeClientsOf(String tenant, String softwareId) {
        return repository.activeClientsOf(tenant, softwareId);
    }

    public List<ExpiryCandidate> expiryCandidates(Instant now, Instant staleBefore) {
        return repository.expiryCandidates(now, staleBefore);
    }

    public int countActive(String tenant, String softwareId) {
        return repository.countActive(tenant, softwareId);
    }
}
