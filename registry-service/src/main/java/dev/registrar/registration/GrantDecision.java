package dev.registrar.registration;

import static dev.registrar.errors.InvalidClientMetadata.redirectUri;
import static dev.registrar.errors.InvalidClientMetadata.softwareStatement;

import dev.registrar.client.ClientMetadata;
import dev.registrar.policy.PolicyRule;
import java.util.List;

/** Applies a policy rule (and an initial access token's scopes) to validated metadata: what is granted. */
final class GrantDecision {

    private GrantDecision() {
    }

    /**
     * @param tokenScopes the scopes an initial access token allows; null when none was used or it allows any
     */
    static ClientMetadata grant(ClientMetadata asked, PolicyRule rule, boolean statementVerified, List<String> tokenScopes) {
        if (rule.requireSoftwareStatement() && !statementVerified) {
            throw softwareStatement("a software statement is required to register this software here");
        }
        if (!rule.redirectUriPrefixes().isEmpty()) {
            for (String uri : asked.redirectUris()) {
                if (rule.redirectUriPrefixes().stream().noneMatch(uri::startsWith)) {
                    throw redirectUri("a redirect URI is not among those this tenant allows for this software");
                }
            }
        }
        List<String> scopes = within(within(asked.scopes(), rule.allowedScopes()), tokenScopes);
        return new ClientMetadata(asked.redirectUris(), asked.tokenEndpointAuthMethod(), asked.grantTypes(), asked.responseTypes(),
                asked.applicationType(), asked.clientName(), asked.clientUri(), asked.logoUri(), asked.tosUri(), asked.policyUri(),
                asked.contacts(), scopes, asked.jwksUri(), asked.jwks(), asked.softwareId(), asked.softwareVersion());
    }

    /** Down-scoping: keeps the requested scopes that are allowed; null allows all. */
    private static List<String> within(List<String> requested, List<String> allowed) {
        return allowed == null ? requested : requested.stream().filter(allowed::contains).toList();
    }
}
