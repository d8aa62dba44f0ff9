package dev.registrar.reporting;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The auditor's GET requests the reporting tests make: JSON or CSV, with a Bearer token or none. */
final class AuditorRequests {

    /** The auditor key the reporting tests configure. */
    static final String AUDITOR_KEY = "auditor-key";

    private AuditorRequests() {
    }

    static ResponseEntity<String> get(TestRestTemplate http, String path) {
        return get(http, path, AUDITOR_KEY);
    }

    /** @param bearer null for a request without credentials */
    static ResponseEntity<String> get(TestRestTemplate http, String path, String bearer) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(bearer)), String.class);
    }

    static ResponseEntity<String> csv(TestRestTemplate http, String path) {
        HttpHeaders headers = headers(AUDITOR_KEY);
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static HttpHeaders headers(String bearer) {
        HttpHeaders headers = new HttpHeaders();
        if (bearer != null) {
            headers.setBearerAuth(bearer);
        }
        return headers;
    }
}
