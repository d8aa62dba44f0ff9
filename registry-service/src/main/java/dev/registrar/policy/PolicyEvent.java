package dev.registrar.policy;

/** What can happen to a tenant's governance policy. */
public sealed interface PolicyEvent permits PolicySet {

    String tenant();
}
