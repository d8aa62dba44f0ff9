package dev.registrar.tenancy;

/** Who an authenticated request comes from. */
public sealed interface Caller {

    /** An authorization server acting for its tenant. */
    record TenantCaller(String tenant) implements Caller {
    }

    /** An administrator of this Registrar. */
    record Administrator() implements Caller {
    }

    /** An auditor: reads what the audit side needs to check itself against the system of record. */
    record Auditor() implements Caller {
    }
}
