package dev.registrar.infra;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The body of a token-batch request (POST /api/v1/tokens/batch), as the load generators send it: issued now, valid an hour. */
final class TokenBatch {

    private TokenBatch() {
    }

    /**
     * @param tokenIds  one token each
     * @param clientIds the client of each next token
     * @param subjects  the subject of the token at each position
     */
    static String json(List<String> tokenIds, Supplier<String> clientIds, IntFunction<String> subjects) {
        long now = Instant.now().getEpochSecond();
        StringBuilder batch = new StringBuilder("{\"tokens\":[");
        for (int i = 0; i < tokenIds.size(); i++) {
            batch.append(i == 0 ? "" : ",").append("{\"token_id\":\"").append(tokenIds.get(i)).append("\",\"client_id\":\"")
                    .append(clientIds.get()).append("\",\"scope\":\"mcp:tools\",\"grant_type\":\"authorization_code\",\"sub\":\"")
                    .append(subjects.apply(i)).append("\",\"issued_at\":").append(now).append(",\"expires_at\":").append(now + 3600)
                    .append('}');
        }
        return batch.append("]}").toString();
    }
}
