package dev.registrar.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The authorization server's look-up, authenticated by its tenant key, over real HTTP. */
class ClientLookupIT extends RegistryServiceIT {

    @Test
    void tenantLooksUpItsClientFromTheReadModel() {
        String clientId = registered("dev", MCP_CLIENT).get("client_id").asText();

        HttpResponse<String> response = send("GET", "/api/v1/clients/" + clientId, null, null, "dev-tenant-key");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode view = read(response.body());
        assertThat(view.get("status").asText()).isEqualTo("active");
        assertThat(view.get("software_version").asText()).isEqualTo("1.4.0");
        assertThat(view.get("redirect_uris").get(0).asText()).isEqualTo("http://127.0.0.1:33418/callback");
    }

    @Test
    void lookUpWithoutAKeyIsRefusedWith401() {
        HttpResponse<String> response = send("GET", "/api/v1/clients/" + UUID.randomUUID(), null, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void anotherTenantsClientIsNotFoundForTheCaller() {
        String clientId = registered("dev", MCP_CLIENT).get("client_id").asText();

        assertThat(send("GET", "/api/v1/clients/" + clientId, null, null, "other-tenant-key").statusCode()).isEqualTo(404);
    }

    @Test
    void dotSegmentsInThePathDoNotSlipPastTheKeyCheck() {
        assertThat(send("GET", "/api/../admin/v1/tenants", null, null, "dev-tenant-key").statusCode()).isIn(400, 401, 403, 404);
        assertThat(send("GET", "/x/../admin/v1/tenants", null, null, null).statusCode()).isIn(400, 401, 403, 404);
        assertThat(send("GET", "/x/../api/v1/clients/" + UUID.randomUUID(), null, null, null).statusCode()).isIn(400, 401, 403, 404);
    }

    @Test
    void adminKeyListsTenantsAndTenantKeyMayNot() {
        HttpResponse<String> asAdmin = send("GET", "/admin/v1/tenants", null, null, "admin-key");
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(read(asAdmin.body()).findValuesAsText("id")).contains("dev", "gated", "other");

        assertThat(send("GET", "/admin/v1/tenants", null, null, "dev-tenant-key").statusCode()).isEqualTo(403);
    }
}
