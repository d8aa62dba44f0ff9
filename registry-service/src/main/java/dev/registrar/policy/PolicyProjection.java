package dev.registrar.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps the policy in force, in the transaction of the change, so the next registration sees it. */
@Component
@ProcessingGroup("policy-read-model")
class PolicyProjection {

    private final PolicyRepository repository;

    PolicyProjection(PolicyRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(PolicySet event) throws JsonProcessingException {
        repository.save(event);
    }
}
