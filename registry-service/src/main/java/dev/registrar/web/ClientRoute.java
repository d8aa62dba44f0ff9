package dev.registrar.web;

import java.io.IOException;

/**
 * A question the authorization server asks about one client on its authorize or token requests,
 * at {@code /api/v1/clients/{clientId}} and below. {@link ClientRoutes} answers these without
 * Spring MVC's dispatch: finding the handler among all routes, resolving its arguments and
 * choosing a converter cost more CPU than the question itself (see README, Benchmarks).
 */
public interface ClientRoute {

    /** The HTTP method it answers. */
    String method();

    /** What follows the client id in its path: empty for the client itself, or a segment such as {@code /authentication}. */
    String action();

    /** The answer, sent as JSON with 200; a refusal is thrown, as a controller would throw it. */
    Object answer(ClientRequest request) throws IOException;
}
