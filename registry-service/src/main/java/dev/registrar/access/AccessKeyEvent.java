package dev.registrar.access;

/** What can happen to an issued access key. */
public sealed interface AccessKeyEvent permits AccessKeyIssued, AccessKeyRotated, AccessKeyRevoked {

    String keyId();
}
