package dev.registrar.web;

import java.util.function.Function;

/**
 * A question the authorization server asks about one client on its authorize or token requests,
 * at {@code /api/v1/clients/{clientId}} and below. {@link ClientRoutes} answers these without
 * Spring MVC's dispatch: finding the handler among all routes, resolving its arguments and
 * choosing a converter cost more CPU than the question itself (see README, Benchmarks).
 *
 * @param method   the HTTP method it answers
 * @param action   what follows the client id in its path: empty for the client itself, or a segment such as {@code /authentication}
 * @param bodyType the JSON body it takes, or null for none
 * @param answer   the answer, sent as JSON with 200; a refusal is thrown, as a controller would throw it
 */
public record ClientRoute(String method, String action, Class<?> bodyType, Function<ClientRequest, ?> answer) {

    public static ClientRoute get(String action, Function<ClientRequest, ?> answer) {
        return new ClientRoute("GET", action, null, answer);
    }

    public static ClientRoute post(String action, Class<?> bodyType, Function<ClientRequest, ?> answer) {
        return new ClientRoute("POST", action, bodyType, answer);
    }
}
