package dev.registrar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The authorization server's questions about one client, answered outside Spring MVC's dispatch:
 * each answer and each refusal as a controller gives it, over real HTTP against PostgreSQL.
 */
class ClientRoutesIT extends RegistryServiceIT {

    private static final String TENANT_KEY = "dev-tenant-key";

    @Test
    void eachQuestionIsAnsweredAsJsonInOneWriteWithItsLength() {
        JsonNode client = confidential();
        String clientId = client.get("client_id").asText();

        HttpResponse<String> lookUp = send("GET", "/api/v1/clients/" + clientId, null, null, TENANT_KEY);
        HttpResponse<String> authentication = authenticate(clientId, "{\"client_secret\":\"" + client.get("client_secret").asText() + "\"}");
        HttpResponse<String> redirectCheck = post("/api/v1/clients/" + clientId + "/redirect-uri-check",
                "{\"redirect_uri\":\"https://agent.example.com/cb\"}", TENANT_KEY);

        assertThat(read(lookUp.body()).get("client_id").asText()).isEqualTo(clientId);
        assertThat(read(authentication.body()).get("authenticated").asBoolean()).isTrue();
        assertThat(read(redirectCheck.body()).get("match").asBoolean()).isTrue();
        for (HttpResponse<String> answer : new HttpResponse[] {lookUp, authentication, redirectCheck}) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(answer.body().getBytes(StandardCharsets.UTF_8).length);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void aRefusalCarriesItsStableCode() {
        HttpResponse<String> unknown = send("GET", "/api/v1/clients/no-such-client", null, null, TENANT_KEY);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(read(unknown.body()).get("type").asText()).endsWith("/problems/client-not-found");
    }

    @Test
    void aBodyThatIsNotTheJsonObjectAskedForIsABadRequest() {
        String clientId = confidential().get("client_id").asText();

        for (String body : new String[] {"{not json", "", "null", "[1,2]"}) {
            HttpResponse<String> refused = authenticate(clientId, body);

            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(read(refused.body()).get("type").asText()).endsWith("/problems/invalid-request");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        String clientId = confidential().get("client_id").asText();

        HttpResponse<String> plain = send("POST", "/api/v1/clients/" + clientId + "/authentication", "text/plain", "secret", TENANT_KEY);
        HttpResponse<String> untyped = send("POST", "/api/v1/clients/" + clientId + "/authentication", null, "{}", TENANT_KEY);
        HttpResponse<String> suffixed = send("POST", "/api/v1/clients/" + clientId + "/authentication", "application/merge-patch+json",
                "{\"client_secret\":\"wrong\"}", TENANT_KEY);

        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(read(plain.body()).get("type").asText()).endsWith("/problems/unsupported-media-type");
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(suffixed.statusCode()).as("any +json type is read").isEqualTo(401);
    }

    @Test
    void anotherMethodOnAQuestionsPathIsNotAllowedAndSaysWhichIs() {
        String clientId = confidential().get("client_id").asText();

        HttpResponse<String> deleteClient = send("DELETE", "/api/v1/clients/" + clientId, null, null, TENANT_KEY);
        HttpResponse<String> getAuthentication = send("GET", "/api/v1/clients/" + clientId + "/authentication", null, null, TENANT_KEY);

        assertThat(deleteClient.statusCode()).isEqualTo(405);
        assertThat(deleteClient.headers().firstValue("Allow")).contains("GET");
        assertThat(getAuthentication.statusCode()).isEqualTo(405);
        assertThat(getAuthentication.headers().firstValue("Allow")).contains("POST");
        assertThat(read(getAuthentication.body()).get("type").asText()).endsWith("/problems/method-not-allowed");
    }

    @Test
    void pathsOfNoQuestionGoOnToSpringMvc() {
        String clientId = confidential().get("client_id").asText();

        HttpResponse<String> rotation = post("/api/v1/clients/" + clientId + "/client-secret", "", TENANT_KEY);
        HttpResponse<String> nothing = post("/api/v1/clients/" + clientId + "/nothing-here", "{}", TENANT_KEY);
        HttpResponse<String> trailingSlash = send("GET", "/api/v1/clients/" + clientId + "/", null, null, TENANT_KEY);

        assertThat(rotation.statusCode()).isEqualTo(200);
        assertThat(read(rotation.body()).get("client_secret").asText()).isNotBlank();
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(trailingSlash.statusCode()).isEqualTo(404);
    }

    private JsonNode confidential() {
        return registered("dev", "{\"redirect_uris\":[\"https://agent.example.com/cb\"],\"token_endpoint_auth_method\":\"client_secret_basic\","
                + "\"scope\":\"mcp:tools\",\"software_id\":\"routes\",\"software_version\":\"1.0.0\"}");
    }

    private HttpResponse<String> authenticate(String clientId, String body) {
        return post("/api/v1/clients/" + clientId + "/authentication", body, TENANT_KEY);
    }
}
