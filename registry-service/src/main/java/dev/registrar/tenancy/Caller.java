package dev.registrar.tenancy;

/** Who an authenticated request comes from, and by which key. */
public sealed interface Caller {

    /** The key that authenticated the call, as its use is recorded (never the key itself). */
    String keyId();

    /** {@code tenant}, {@code admin} or {@code auditor}. */
    String role();

    /** The one tenant the caller acts for or may see; null for a caller that sees every tenant. */
    String tenant();

    /** An authorization server acting for its tenant. */
    record TenantCaller(String tenant, String keyId) implements Caller {

        @Override
        public String role() {
            return "tenant";
        }
    }

    /** An administrator of this Registrar. */
    record Administrator(String keyId) implements Caller {

        @Override
        public String role() {
            return "admin";
        }

        @Override
        public String tenant() {
            return null;
        }
    }

    /**
     * An auditor: reads what the audit side needs to check itself against the system of record.
     *
     * @param tenant the one tenant this auditor may see; null for every tenant
     */
    record Auditor(String keyId, String tenant) implements Caller {

        @Override
        public String role() {
            return "auditor";
        }
    }
}
