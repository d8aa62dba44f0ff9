package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** A tenant's governance policy changed; registrations record the version that decided them. */
@JsonTypeName("policy.set")
public record PolicySetPayload(
        String tenant,
        long version,
        List<PolicyRulePayload> rules,
        String source) implements EventPayload {
}
