package dev.registrar.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** RFC 7592 over real HTTP: the whole life cycle of a registration, and every way to be refused. */
class ClientManagementIT extends RegistryServiceIT {

    private static final String CONFIDENTIAL = """
            {"client_name":"Agent","redirect_uris":["https://agent.example.com/cb"],"token_endpoint_auth_method":"client_secret_basic",
             "client_uri":"https://agent.example.com","scope":"mcp:tools","software_id":"agent","software_version":"2.0.0"}""";

    @Test
    void readUpdateAndDeleteFollowTheRfc7592LifeCycle() {
        JsonNode client = registered("dev", CONFIDENTIAL);
        String clientId = client.get("client_id").asText();
        String path = "/t/dev/register/" + clientId;
        String rat = client.get("registration_access_token").asText();

        HttpResponse<String> read = send("GET", path, null, null, rat);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode current = read(read.body());
        assertThat(current.get("client_name").asText()).isEqualTo("Agent");
        assertThat(current.get("registration_client_uri").asText()).isEqualTo("https://as.example.com" + path);
        assertThat(current.has("client_secret")).isFalse();
        assertThat(current.has("registration_access_token")).isFalse();
        assertThat(current.get("client_secret_expires_at").asLong()).isEqualTo(client.get("client_secret_expires_at").asLong());

        ObjectNode replacement = (ObjectNode) read(CONFIDENTIAL);
        replacement.put("client_id", clientId);
        replacement.put("client_name", "Agent v2");
        replacement.remove("client_uri");
        HttpResponse<String> updated = send("PUT", path, "application/json", replacement.toString(), rat);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode after = read(updated.body());
        assertThat(after.get("client_name").asText()).isEqualTo("Agent v2");
        assertThat(after.has("client_uri")).as("omitted fields are removed").isFalse();
        String newRat = after.get("registration_access_token").asText();
        assertThat(newRat).isNotEqualTo(rat);
        assertThat(send("GET", path, null, null, rat).statusCode()).as("the old token is gone").isEqualTo(401);
        assertThat(read(send("GET", path, null, null, newRat).body()).get("client_name").asText()).isEqualTo("Agent v2");

        assertThat(send("DELETE", path, null, null, newRat).statusCode()).isEqualTo(204);
        assertThat(send("GET", path, null, null, newRat).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", path, null, null, newRat).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select status from client_registration where client_id = ?", String.class, clientId))
                .isEqualTo("deleted");
        assertThat(jdbc.queryForObject("select count(*) from credential where owner_id = ?", Integer.class, clientId)).isZero();
    }

    @Test
    void missingOrWrongTokenIsAnswered401WithWwwAuthenticate() {
        JsonNode client = registered("dev", MCP_CLIENT);
        String path = "/t/dev/register/" + client.get("client_id").asText();

        for (String token : new String[] {null, "wrong-token"}) {
            HttpResponse<String> response = send("GET", path, null, null, token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                    .startsWith("Bearer error=\"invalid_token\""));
            assertThat(read(response.body()).get("error").asText()).isEqualTo("invalid_token");
        }
    }

    @Test
    void anotherClientsTokenIsRefusedAndLeavesTheOwnerUntouched() {
        JsonNode owner = registered("dev", MCP_CLIENT);
        JsonNode intruder = registered("dev", MCP_CLIENT);
        String ownerPath = "/t/dev/register/" + owner.get("client_id").asText();
        String intruderToken = intruder.get("registration_access_token").asText();

        assertThat(send("GET", ownerPath, null, null, intruderToken).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", ownerPath, null, null, intruderToken).statusCode()).isEqualTo(401);

        assertThat(send("GET", ownerPath, null, null, owner.get("registration_access_token").asText()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/t/dev/register/" + intruder.get("client_id").asText(), null, null, intruderToken).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenPresentedUnderAnotherTenantIsRefused() {
        JsonNode client = registered("dev", MCP_CLIENT);

        HttpResponse<String> response = send("GET", "/t/other/register/" + client.get("client_id").asText(), null, null,
                client.get("registration_access_token").asText());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void updateWithAnotherClientIdIsRefused() {
        JsonNode client = registered("dev", CONFIDENTIAL);
        ObjectNode replacement = (ObjectNode) read(CONFIDENTIAL);
        replacement.put("client_id", "someone-else");

        HttpResponse<String> response = update(client, replacement);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response.body()).get("error").asText()).isEqualTo("invalid_client_metadata");
    }

    @Test
    void updateCarryingServerAssignedMembersIsRefused() {
        JsonNode client = registered("dev", CONFIDENTIAL);
        for (String member : new String[] {"registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at"}) {
            ObjectNode replacement = (ObjectNode) read(CONFIDENTIAL);
            replacement.put("client_id", client.get("client_id").asText());
            replacement.set(member, client.get(member));

            HttpResponse<String> response = update(client, replacement);

            assertThat(response.statusCode()).as(member).isEqualTo(400);
            assertThat(read(response.body()).get("error_description").asText()).contains(member);
        }
    }

    @Test
    void updateWithTheWrongClientSecretIsRefusedAndTheRightOneAccepted() {
        JsonNode client = registered("dev", CONFIDENTIAL);
        ObjectNode replacement = (ObjectNode) read(CONFIDENTIAL);
        replacement.put("client_id", client.get("client_id").asText());

        replacement.put("client_secret", "not-the-secret");
        assertThat(update(client, replacement).statusCode()).isEqualTo(400);

        replacement.put("client_secret", client.get("client_secret").asText());
        assertThat(update(client, replacement).statusCode()).isEqualTo(200);
    }

    @Test
    void refusedUpdateChangesNothing() {
        JsonNode client = registered("dev", CONFIDENTIAL);
        ObjectNode replacement = (ObjectNode) read(CONFIDENTIAL);
        replacement.put("client_id", client.get("client_id").asText());
        replacement.putArray("redirect_uris").add("http://evil.example.com/cb");

        HttpResponse<String> response = update(client, replacement);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response.body()).get("error").asText()).isEqualTo("invalid_redirect_uri");
        String path = "/t/dev/register/" + client.get("client_id").asText();
        JsonNode unchanged = read(send("GET", path, null, null, client.get("registration_access_token").asText()).body());
        assertThat(unchanged.get("redirect_uris").get(0).asText()).isEqualTo("https://agent.example.com/cb");
    }

    private HttpResponse<String> update(JsonNode client, ObjectNode replacement) {
        return send("PUT", "/t/dev/register/" + client.get("client_id").asText(), "application/json", replacement.toString(),
                client.get("registration_access_token").asText());
    }
}
