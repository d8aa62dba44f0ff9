package dev.registrar.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The development credentials of one stack: generated on its first start (256 bits from a CSPRNG
 * each), kept in the stack folder readable by its owner only, and reused while the data lives.
 */
/**
 * @param credentialsHashKey registry-service's key for the keyed hashes of the credentials it issues (base64)
 */
public record DevCredentials(String tenant, String tenantApiKey, String adminApiKey, String auditorApiKey, String credentialsHashKey) {

    public static final String DEV_TENANT = "dev";

    static DevCredentials loadOrCreate(StackSettings settings) throws IOException {
        Path file = settings.stackDir().resolve("credentials.properties");
        if (Files.exists(file) && !settings.fresh()) {
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
            if (stored.getProperty("credentials-hash-key") != null) {
                return new DevCredentials(stored.getProperty("tenant"), stored.getProperty("tenant-api-key"),
                        stored.getProperty("admin-api-key"), stored.getProperty("auditor-api-key"),
                        stored.getProperty("credentials-hash-key"));
            }
        }
        SecureRandom random = new SecureRandom();
        byte[] hashKey = new byte[32];
        random.nextBytes(hashKey);
        DevCredentials created = new DevCredentials(DEV_TENANT, key("rgt_", random), key("rga_", random), key("rgr_", random),
                Base64.getEncoder().encodeToString(hashKey));
        Files.createDirectories(settings.stackDir());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, String.join("\n",
                "tenant=" + created.tenant(),
                "tenant-api-key=" + created.tenantApiKey(),
                "admin-api-key=" + created.adminApiKey(),
                "auditor-api-key=" + created.auditorApiKey(),
                "credentials-hash-key=" + created.credentialsHashKey(),
                ""));
        return created;
    }

    /** A recognisable prefix, so a key pasted where it should not be is easy to find. */
    private static String key(String prefix, SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DevCredentials[tenant=" + tenant + ", keys hidden]";
    }
}
