package dev.registrar.readmodel;

import java.util.List;

/** What recording a token for a client needs: whether it is active, what it was granted, its software at this moment. */
public record TokenSubject(String clientId, String status, List<String> scopes, String softwareId, String softwareVersion) {
}
