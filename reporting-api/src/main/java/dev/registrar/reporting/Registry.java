package dev.registrar.reporting;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What reporting-api asks registry-service, the system of record, always with the auditor's own key:
 * who a key belongs to, and how many events the store holds. Nothing is kept here between requests,
 * so a key revoked there fails here on its next use, and every use is recorded there.
 */
@Component
class Registry {

    /** The header registry-service records an auditor's operation under. */
    static final String OPERATION_HEADER = "X-Registrar-Operation";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Identity(String keyId, String role, String tenant) {
    }

    private final RestClient registry;

    Registry(ReportingProperties properties, RestClient.Builder http) {
        this.registry = properties.registryUrl() == null ? null : http.baseUrl(properties.registryUrl().toString()).build();
    }

    /**
     * The auditor the key stands for; empty for a key registry-service does not know as an auditor's,
     * and for every key when no registry-service is configured (only the configured key works then).
     */
    Optional<Auditor> auditor(String presentedKey, String operation) {
        if (registry == null) {
            return Optional.empty();
        }
        try {
            Identity identity = client().get().uri("/audit/v1/caller")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + presentedKey)
                    .header(OPERATION_HEADER, operation)
                    .retrieve()
                    .body(Identity.class);
            if (identity == null || identity.keyId() == null) {
                throw new RegistryUnavailable("registry-service answered without naming the key");
            }
            return Optional.of(new Auditor(identity.keyId(), identity.tenant()));
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode() == HttpStatus.UNAUTHORIZED || refused.getStatusCode() == HttpStatus.FORBIDDEN) {
                return Optional.empty();
            }
            throw new RegistryUnavailable("registry-service could not say who this key belongs to");
        } catch (RestClientException unreachable) {
            throw new RegistryUnavailable("registry-service, which knows the auditor keys, did not answer");
        }
    }

    /** Per event type, the store's count: every tenant's, or one tenant's ({@code tenant} not null). */
    Map<String, Long> eventCounts(String auditorKey, String tenant) {
        try {
            return client().get().uri(uri -> uri.path("/audit/v1/event-counts").queryParamIfPresent("tenant", Optional.ofNullable(tenant))
                            .build())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + auditorKey)
                    .retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Long>>() {
                    });
        } catch (RestClientException unreachable) {
            throw new RegistryUnavailable("registry-service did not answer for the event store's counts");
        }
    }

    private RestClient client() {
        if (registry == null) {
            throw new RegistryUnavailable("this needs registry-service: set registrar.reporting.registry-url");
        }
        return registry;
    }
}
