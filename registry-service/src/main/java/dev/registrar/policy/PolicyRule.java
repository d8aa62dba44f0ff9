package dev.registrar.policy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a tenant allows the clients of one software: the first rule whose pattern matches the
 * software_id decides.
 *
 * @param softwareIdPattern        a glob over software_id ({@code *} matches anything; a client without a
 *                                 software_id matches only {@code *})
 * @param allowedScopes            requests are down-scoped to these; null allows any scope
 * @param redirectUriPrefixes      each redirect URI must start with one of these; empty allows any valid URI
 * @param requireSoftwareStatement whether a verified software statement must come with the registration
 * @param maxActiveClients         the most active clients of this software at once; 0 for no limit
 * @param clientLifetime           how long a client lives before it expires; null for no limit
 * @param secretLifetime           how long a client secret lives; null for no limit
 */
public record PolicyRule(
        String softwareIdPattern,
        List<String> allowedScopes,
        List<String> redirectUriPrefixes,
        boolean requireSoftwareStatement,
        int maxActiveClients,
        Duration clientLifetime,
        Duration secretLifetime) {

    /** The rule where a tenant has none: any valid registration, secrets live 90 days. */
    public static final PolicyRule DEFAULT = new PolicyRule("*", null, List.of(), false, 0, null, Duration.ofDays(90));

    public PolicyRule {
        allowedScopes = allowedScopes == null ? null : List.copyOf(allowedScopes);
        redirectUriPrefixes = redirectUriPrefixes == null ? List.of() : List.copyOf(redirectUriPrefixes);
    }

    public boolean matches(String softwareId) {
        if ("*".equals(softwareIdPattern)) {
            return true;
        }
        return softwareId != null && glob(softwareIdPattern).matcher(softwareId).matches();
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
