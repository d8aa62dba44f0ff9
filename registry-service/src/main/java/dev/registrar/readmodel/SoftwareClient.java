package dev.registrar.readmodel;

/** An active client of a software, at the version it registered with. */
public record SoftwareClient(String clientId, String softwareVersion) {
}
