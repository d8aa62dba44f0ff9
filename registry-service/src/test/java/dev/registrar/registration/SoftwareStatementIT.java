package dev.registrar.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7591 section 2.3 software statements, signed with real keys and verified over real HTTP. */
class SoftwareStatementIT extends RegistryServiceIT {

    private static final String TRUSTED = "https://statements.example.com";

    @Test
    void verifiedStatementClaimsOverrideTheRequestsValues() throws Exception {
        String statement = sign(STATEMENT_KEY, claims(TRUSTED).claim("software_id", "signed-claude").claim("software_version", "9.9.9")
                .claim("client_name", "Claude (verified)").build());

        JsonNode client = registered("dev", withStatement(statement));

        assertThat(client.get("software_id").asText()).isEqualTo("signed-claude");
        assertThat(client.get("software_version").asText()).isEqualTo("9.9.9");
        assertThat(client.get("client_name").asText()).isEqualTo("Claude (verified)");
        assertThat(client.has("software_statement")).isFalse();
    }

    @Test
    void statementFromAnUntrustedIssuerIsUnapproved() throws Exception {
        String statement = sign(STATEMENT_KEY, claims("https://someone-else.example.com").claim("software_id", "x").build());

        assertError(register("dev", withStatement(statement)), "unapproved_software_statement");
    }

    @Test
    void statementSignedWithTheWrongKeyIsInvalid() throws Exception {
        String statement = sign(STRANGER_KEY, claims(TRUSTED).claim("software_id", "signed-forged").build());

        assertError(register("dev", withStatement(statement)), "invalid_software_statement");
    }

    @Test
    void expiredStatementIsInvalid() throws Exception {
        String statement = sign(STATEMENT_KEY, claims(TRUSTED).claim("software_id", "signed-old")
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());

        assertError(register("dev", withStatement(statement)), "invalid_software_statement");
    }

    @Test
    void statementSignedWithASharedSecretIsInvalid() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(TRUSTED).claim("software_id", "signed-hmac").build());
        jwt.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-length!!"));

        assertError(register("dev", withStatement(jwt.serialize())), "invalid_software_statement");
    }

    @Test
    void statementClaimsAreValidatedLikeRequestValues() throws Exception {
        String statement = sign(STATEMENT_KEY, claims(TRUSTED).claim("redirect_uris", List.of("http://evil.example.com/cb")).build());

        assertError(register("dev", withStatement(statement)), "invalid_redirect_uri");
    }

    private void assertError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(read(response.body()).get("error").asText()).isEqualTo(error);
    }

    private static JWTClaimsSet.Builder claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).issueTime(new Date());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String withStatement(String statement) {
        return "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"none\",\"software_id\":\"unsigned\","
                + "\"client_name\":\"from the request\",\"software_statement\":\"" + statement + "\"}";
    }
}
