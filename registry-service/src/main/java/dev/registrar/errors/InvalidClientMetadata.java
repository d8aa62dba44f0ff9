package dev.registrar.errors;

/** Registration metadata that RFC 7591 section 3.2.2 says to refuse, with the RFC's error code. */
public final class InvalidClientMetadata extends RegistrarException {

    /** The error codes of RFC 7591 section 3.2.2 that a metadata check can produce. */
    public enum Code {
        INVALID_REDIRECT_URI("invalid_redirect_uri"),
        INVALID_CLIENT_METADATA("invalid_client_metadata"),
        INVALID_SOFTWARE_STATEMENT("invalid_software_statement"),
        UNAPPROVED_SOFTWARE_STATEMENT("unapproved_software_statement");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final Code code;

    public InvalidClientMetadata(Code code, String description) {
        super(description);
        this.code = code;
    }

    public static InvalidClientMetadata redirectUri(String description) {
        return new InvalidClientMetadata(Code.INVALID_REDIRECT_URI, description);
    }

    public static InvalidClientMetadata metadata(String description) {
        return new InvalidClientMetadata(Code.INVALID_CLIENT_METADATA, description);
    }

    public static InvalidClientMetadata softwareStatement(String description) {
        return new InvalidClientMetadata(Code.INVALID_SOFTWARE_STATEMENT, description);
    }

    public static InvalidClientMetadata unapprovedSoftwareStatement(String description) {
        return new InvalidClientMetadata(Code.UNAPPROVED_SOFTWARE_STATEMENT, description);
    }

    public Code code() {
        return code;
    }
}
