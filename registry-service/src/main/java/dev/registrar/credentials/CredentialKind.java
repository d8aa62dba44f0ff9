package dev.registrar.credentials;

/** The kinds of secret Registrar issues. */
public enum CredentialKind {
    CLIENT_SECRET,
    REGISTRATION_ACCESS_TOKEN,
    INITIAL_ACCESS_TOKEN,
    TENANT_API_KEY,
    ACCESS_KEY
}
