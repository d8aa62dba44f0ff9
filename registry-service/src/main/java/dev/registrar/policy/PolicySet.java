package dev.registrar.policy;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's policy changed. Auditors see the rules in force at any registration through the
 * version each ClientRegistered records.
 *
 * @param source {@code config} (the service's configuration at start) or {@code admin}
 */
public record PolicySet(String tenant, long version, List<PolicyRule> rules, String source, Instant setAt) implements PolicyEvent {
}
