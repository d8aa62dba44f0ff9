package dev.registrar.events;

import java.util.List;

/** One governance rule on the wire; lifetimes in seconds, null for no limit. */
public record PolicyRulePayload(
        String softwareIdPattern,
        List<String> allowedScopes,
        List<String> redirectUriPrefixes,
        boolean requireSoftwareStatement,
        int maxActiveClients,
        Long clientLifetimeSeconds,
        Long secretLifetimeSeconds) {
}
