package dev.registrar.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUriMatchTest {

    private static final List<String> REGISTERED = List.of("https://app.example.com/cb", "http://127.0.0.1/callback", "http://[::1]:8080/cb");

    @Test
    void httpsUriMatchesOnlyExactly() {
        assertThat(RedirectUriMatch.matches(REGISTERED, "https://app.example.com/cb")).isTrue();
        assertThat(RedirectUriMatch.matches(REGISTERED, "https://app.example.com/cb/")).isFalse();
        assertThat(RedirectUriMatch.matches(REGISTERED, "https://app.example.com:8443/cb")).isFalse();
        assertThat(RedirectUriMatch.matches(REGISTERED, "https://app.example.com/cb?x=1")).isFalse();
    }

    @Test
    void loopbackUriMatchesOnAnyPort() {
        assertThat(RedirectUriMatch.matches(REGISTERED, "http://127.0.0.1:53682/callback")).isTrue();
        assertThat(RedirectUriMatch.matches(REGISTERED, "http://[::1]:9999/cb")).isTrue();
    }

    @Test
    void loopbackUriMustKeepHostAndPath() {
        assertThat(RedirectUriMatch.matches(REGISTERED, "http://127.0.0.1:53682/other")).isFalse();
        assertThat(RedirectUriMatch.matches(REGISTERED, "http://localhost:53682/callback")).isFalse();
        assertThat(RedirectUriMatch.matches(REGISTERED, null)).isFalse();
    }
}
