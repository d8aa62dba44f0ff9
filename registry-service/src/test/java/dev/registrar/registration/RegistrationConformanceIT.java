package dev.registrar.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7591 over real HTTP: valid, edge and malformed registrations, each with its exact status and
 * body. No request may produce a 5xx, and a refused request creates no client.
 */
class RegistrationConformanceIT extends RegistryServiceIT {

    static Stream<Arguments> acceptedRegistrations() {
        return Stream.of(
                Arguments.of("public PKCE native client on loopback", MCP_CLIENT),
                Arguments.of("web client with https redirect, client_secret_basic", """
                        {"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"client_secret_basic"}"""),
                Arguments.of("client_secret_post", """
                        {"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"client_secret_post"}"""),
                Arguments.of("private_key_jwt with jwks", """
                        {"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"private_key_jwt",
                         "jwks":{"keys":[{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}}"""),
                Arguments.of("private_key_jwt with jwks_uri", """
                        {"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"private_key_jwt",
                         "jwks_uri":"https://app.example.com/jwks.json"}"""),
                Arguments.of("native client with a reverse-domain private-use scheme", """
                        {"redirect_uris":["com.example.app:/oauth2redirect"],"token_endpoint_auth_method":"none","application_type":"native"}"""),
                Arguments.of("private-use scheme on the tenant's allowlist", """
                        {"redirect_uris":["myapp:/callback"],"token_endpoint_auth_method":"none","application_type":"native"}"""),
                Arguments.of("IPv6 loopback redirect", """
                        {"redirect_uris":["http://[::1]:8123/cb"],"token_endpoint_auth_method":"none"}"""),
                Arguments.of("client_credentials only, no redirect URIs", """
                        {"grant_types":["client_credentials"],"token_endpoint_auth_method":"client_secret_basic"}"""),
                Arguments.of("all the optional URLs and contacts", """
                        {"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"none",
                         "client_uri":"https://app.example.com","logo_uri":"https://app.example.com/logo.png",
                         "tos_uri":"https://app.example.com/tos","policy_uri":"https://app.example.com/privacy",
                         "contacts":["security@example.com"]}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRegistrations")
    void validRegistrationIsAnswered201WithClientIdAndManagementCredentials(String name, String body) {
        HttpResponse<String> response = register("dev", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode client = read(response.body());
        assertThat(client.get("client_id").asText()).isNotBlank();
        assertThat(client.get("client_id_issued_at").asLong()).isPositive();
        assertThat(client.get("registration_access_token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(client.get("registration_client_uri").asText())
                .isEqualTo("https://as.example.com/t/dev/register/" + client.get("client_id").asText());
        boolean confidential = client.get("token_endpoint_auth_method").asText().startsWith("client_secret_");
        assertThat(client.has("client_secret")).isEqualTo(confidential);
        assertThat(client.has("client_secret_expires_at")).isEqualTo(confidential);
    }

    @Test
    void clientIdsAndTheirEventIdsAreOrderedByTime() {
        UUID first = UUID.fromString(registered("dev", MCP_CLIENT).get("client_id").asText());
        JsonNode second = registered("dev", MCP_CLIENT);
        UUID secondId = UUID.fromString(second.get("client_id").asText());

        assertThat(List.of(first.version(), secondId.version())).containsOnly(7);
        assertThat(secondId.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(first.getMostSignificantBits() >>> 16);
        assertThat((secondId.getMostSignificantBits() >>> 16) / 1000).isEqualTo(second.get("client_id_issued_at").asLong());
        List<String> eventIds = jdbc.queryForList("select eventidentifier from domainevententry where aggregateidentifier = ?",
                String.class, secondId.toString());
        assertThat(eventIds).isNotEmpty().allSatisfy(eventId -> assertThat(UUID.fromString(eventId).version()).isEqualTo(7));
    }

    @Test
    void confidentialClientGetsA256BitSecretThatExpiresByPolicy() {
        JsonNode client = registered("dev", """
                {"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"client_secret_basic"}""");

        assertThat(client.get("client_secret").asText()).matches("[A-Za-z0-9_-]{43}");
        long ninetyDays = 90L * 24 * 3600;
        assertThat(client.get("client_secret_expires_at").asLong() - client.get("client_id_issued_at").asLong()).isEqualTo(ninetyDays);
    }

    @Test
    void omittedAuthMethodDefaultsToClientSecretBasic() {
        JsonNode client = registered("dev", """
                {"redirect_uris":["https://app.example.com/cb"]}""");

        assertThat(client.get("token_endpoint_auth_method").asText()).isEqualTo("client_secret_basic");
        assertThat(client.get("grant_types")).extracting(JsonNode::asText).containsExactly("authorization_code");
        assertThat(client.get("response_types")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(client.has("client_secret")).isTrue();
    }

    @Test
    void unknownMetadataIsIgnoredAndNotEchoed() {
        JsonNode client = registered("dev", MCP_CLIENT.replace("\"client_name\"", "\"x_tracking\":\"abc\",\"frobnicate\":[1,2],\"client_name\""));

        assertThat(client.has("x_tracking")).isFalse();
        assertThat(client.has("frobnicate")).isFalse();
    }

    @Test
    void unicodeClientNameIsKeptExactly() {
        String name = "Claude 🤖 — مساعد 日本語";
        JsonNode client = registered("dev", MCP_CLIENT.replace("\"Claude\"", "\"" + name + "\""));

        assertThat(client.get("client_name").asText()).isEqualTo(name);
    }

    @Test
    void repeatedRedirectUrisAreRegisteredOnce() {
        JsonNode client = registered("dev", """
                {"redirect_uris":["http://127.0.0.1/cb","http://127.0.0.1/cb"],"token_endpoint_auth_method":"none"}""");

        assertThat(client.get("redirect_uris")).hasSize(1);
    }

    @Test
    void registrationIsReadableRightAfterItsAnswer() {
        JsonNode client = registered("dev", MCP_CLIENT);

        HttpResponse<String> read = send("GET", "/t/dev/register/" + client.get("client_id").asText(), null, null,
                client.get("registration_access_token").asText());

        assertThat(read.statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> refusedRegistrations() {
        String longUri = "https://app.example.com/" + "a".repeat(2000);
        String tooManyUris = IntStream.range(0, 21).mapToObj(i -> "\"https://app.example.com/cb" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                refused("no redirect_uris for the code grant", "{\"token_endpoint_auth_method\":\"none\"}", "invalid_redirect_uri"),
                refused("empty redirect_uris", "{\"redirect_uris\":[],\"token_endpoint_auth_method\":\"none\"}", "invalid_redirect_uri"),
                refused("fragment", uri("https://app.example.com/cb#x"), "invalid_redirect_uri"),
                refused("wildcard", uri("https://*.example.com/cb"), "invalid_redirect_uri"),
                refused("user information", uri("https://user:pw@app.example.com/cb"), "invalid_redirect_uri"),
                refused("relative URI", uri("/callback"), "invalid_redirect_uri"),
                refused("plain http off loopback", uri("http://app.example.com/cb"), "invalid_redirect_uri"),
                refused("javascript scheme", uri("javascript:alert(1)"), "invalid_redirect_uri"),
                refused("data scheme", uri("data:text/html,hi"), "invalid_redirect_uri"),
                refused("file scheme", uri("file:///etc/passwd"), "invalid_redirect_uri"),
                refused("private-use scheme not in reverse-domain form", uri("notes:/cb"), "invalid_redirect_uri"),
                refused("web client with a private-use scheme", """
                        {"redirect_uris":["com.example.app:/cb"],"token_endpoint_auth_method":"none","application_type":"web"}""",
                        "invalid_redirect_uri"),
                refused("null among redirect_uris", "{\"redirect_uris\":[null],\"token_endpoint_auth_method\":\"none\"}", "invalid_redirect_uri"),
                refused("21 redirect URIs", "{\"redirect_uris\":" + tooManyUris + ",\"token_endpoint_auth_method\":\"none\"}", "invalid_redirect_uri"),
                refused("over-long redirect URI", uri(longUri), "invalid_redirect_uri"),
                refused("malformed JSON", "{\"redirect_uris\": [", "invalid_client_metadata"),
                refused("JSON array", "[]", "invalid_client_metadata"),
                refused("JSON string", "\"register me\"", "invalid_client_metadata"),
                refused("JSON null", "null", "invalid_client_metadata"),
                refused("empty body", "", "invalid_client_metadata"),
                refused("duplicate member", "{\"redirect_uris\":[\"http://127.0.0.1/a\"],\"redirect_uris\":[\"http://127.0.0.1/b\"]}",
                        "invalid_client_metadata"),
                refused("redirect_uris as a string", "{\"redirect_uris\":\"https://app.example.com/cb\"}", "invalid_client_metadata"),
                refused("grant_types as a number", withPublicClient("\"grant_types\":7"), "invalid_client_metadata"),
                refused("client_name as an object", withPublicClient("\"client_name\":{\"en\":\"x\"}"), "invalid_client_metadata"),
                refused("unsupported auth method", withRedirect("\"token_endpoint_auth_method\":\"client_secret_jwt\""), "invalid_client_metadata"),
                refused("implicit grant", withPublicClient("\"grant_types\":[\"implicit\"]"), "invalid_client_metadata"),
                refused("token response type", withPublicClient("\"response_types\":[\"token\"]"), "invalid_client_metadata"),
                refused("code grant without code response type", withPublicClient("\"response_types\":[]"), "invalid_client_metadata"),
                refused("refresh_token without authorization_code", """
                        {"grant_types":["refresh_token"],"response_types":[],"token_endpoint_auth_method":"client_secret_basic"}""",
                        "invalid_client_metadata"),
                refused("client_credentials for a public client", """
                        {"grant_types":["client_credentials"],"token_endpoint_auth_method":"none"}""", "invalid_client_metadata"),
                refused("jwks and jwks_uri together", withRedirect("""
                        "token_endpoint_auth_method":"private_key_jwt","jwks_uri":"https://app.example.com/jwks",
                        "jwks":{"keys":[{"kty":"RSA","n":"0vx","e":"AQAB"}]}"""), "invalid_client_metadata"),
                refused("private_key_jwt without keys", withRedirect("\"token_endpoint_auth_method\":\"private_key_jwt\""), "invalid_client_metadata"),
                refused("private key material in jwks", withRedirect("""
                        "token_endpoint_auth_method":"private_key_jwt","jwks":{"keys":[{"kty":"RSA","n":"0vx","e":"AQAB","d":"secret"}]}"""),
                        "invalid_client_metadata"),
                refused("jwks that is not a key set", withRedirect("\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":{\"kty\":\"RSA\"}"),
                        "invalid_client_metadata"),
                refused("client_uri over plain http", withPublicClient("\"client_uri\":\"http://app.example.com\""), "invalid_client_metadata"),
                refused("logo_uri with javascript", withPublicClient("\"logo_uri\":\"javascript:alert(1)\""), "invalid_client_metadata"),
                refused("contact that is not an e-mail address", withPublicClient("\"contacts\":[\"call me\"]"), "invalid_client_metadata"),
                refused("client_name over 200 characters", withPublicClient("\"client_name\":\"" + "n".repeat(201) + "\""), "invalid_client_metadata"),
                refused("control character in client_name", withPublicClient("\"client_name\":\"bell\\u0007\""), "invalid_client_metadata"),
                refused("blank software_id", withPublicClient("\"software_id\":\"   \""), "invalid_client_metadata"),
                refused("scope with a quote", withPublicClient("\"scope\":\"read \\\"write\""), "invalid_client_metadata"),
                refused("unknown application_type", withPublicClient("\"application_type\":\"desktop\""), "invalid_client_metadata"),
                refused("software_statement that is not a string", withPublicClient("\"software_statement\":42"), "invalid_software_statement"),
                refused("software_statement that is not a JWT", withPublicClient("\"software_statement\":\"not-a-jwt\""), "invalid_software_statement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRegistrations")
    void refusedRegistrationGets400WithTheRfcErrorAndCreatesNoClient(String name, String body, String error) {
        int before = clientRows();

        HttpResponse<String> response = register("dev", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode answer = read(response.body());
        assertThat(answer.get("error").asText()).isEqualTo(error);
        assertThat(answer.get("error_description").asText()).isNotBlank();
        assertThat(answer.size()).isEqualTo(2);
        assertThat(clientRows()).isEqualTo(before);
    }

    @Test
    void bodyOverTheLimitIsAnswered413() {
        String huge = withPublicClient("\"client_name\":\"" + "x".repeat(70 * 1024) + "\"");

        HttpResponse<String> response = register("dev", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(read(response.body()).get("error_description").asText()).contains("64 KiB");
    }

    @Test
    void nonJsonBodyIsAnswered415() {
        assertThat(send("POST", "/t/dev/register", "text/plain", MCP_CLIENT, null).statusCode()).isEqualTo(415);
        assertThat(send("POST", "/t/dev/register", "application/x-www-form-urlencoded", "client_name=x", null).statusCode()).isEqualTo(415);
    }

    @Test
    void unknownTenantIsAnswered404() {
        HttpResponse<String> response = register("nobody", MCP_CLIENT);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(read(response.body()).get("type").asText()).endsWith("/unknown-tenant");
    }

    @Test
    void getOnTheRegistrationEndpointIsAnswered405() {
        assertThat(send("GET", "/t/dev/register", null, null, null).statusCode()).isEqualTo(405);
    }

    @Test
    void refusedRegistrationIsRecordedAsASecurityEvent() {
        int before = rejections();

        register("dev", uri("http://evil.example.com/cb"));

        assertThat(rejections()).isEqualTo(before + 1);
    }

    private int rejections() {
        return jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%RegistrationRejected'", Integer.class);
    }

    private static Arguments refused(String name, String body, String error) {
        return Arguments.of(name, body, error);
    }

    private static String uri(String redirectUri) {
        return "{\"redirect_uris\":[\"" + redirectUri + "\"],\"token_endpoint_auth_method\":\"none\",\"application_type\":\"native\"}";
    }

    private static String withPublicClient(String member) {
        return "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"none\"," + member + "}";
    }

    private static String withRedirect(String members) {
        return "{\"redirect_uris\":[\"https://app.example.com/cb\"]," + members + "}";
    }

}
