package dev.registrar.registration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registrar.errors.InvalidClientMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example.com/callback",
            "https://app.example.com:8443/cb?x=1",
            "http://127.0.0.1/callback",
            "http://127.0.0.1:53682/callback",
            "http://[::1]:8080/cb",
            "http://localhost:3000/cb",
            "com.example.app:/oauth2redirect",
            "cursor.anysphere:/callback"
    })
    void acceptableRedirectUriPasses(String uri) {
        assertThatCode(() -> RedirectUriRules.check(uri, java.util.List.of())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "/relative/callback",
            "callback",
            "https://app.example.com/cb#fragment",
            "https://*.example.com/cb",
            "https://user:pass@app.example.com/cb",
            "http://app.example.com/cb",
            "http://192.168.1.10/cb",
            "javascript:alert(1)",
            "data:text/html,hi",
            "file:///etc/passwd",
            "myapp:/callback",
            "https:///nohost",
            "https://exa mple.com/cb"
    })
    void redirectUriBreakingARuleIsRejectedAsInvalidRedirectUri(String uri) {
        assertThatThrownBy(() -> RedirectUriRules.check(uri, java.util.List.of()))
                .isInstanceOfSatisfying(InvalidClientMetadata.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(InvalidClientMetadata.Code.INVALID_REDIRECT_URI));
    }
}
