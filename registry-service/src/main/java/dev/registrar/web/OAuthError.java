package dev.registrar.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The error body of RFC 7591 section 3.2.2 (and RFC 6749 section 5.2). */
public record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
}
