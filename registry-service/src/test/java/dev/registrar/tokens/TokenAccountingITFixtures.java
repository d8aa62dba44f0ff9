package dev.registrar.tokens;

/** Token documents as an authorization server sends them, for tests in other packages. */
public final class TokenAccountingITFixtures {

    private TokenAccountingITFixtures() {
    }

    public static String token(String clientId, String tokenId) {
        return TokenAccountingIT.token(clientId, tokenId, "mcp:tools");
    }

    public static String batch(String clientId, String prefix, int size) {
        return TokenAccountingIT.batch(clientId, prefix, size, "mcp:tools");
    }
}
