package dev.registrar.tenancy;

import static dev.registrar.readmodel.jooq.Tables.TENANT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.readmodel.RecentReads;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

@Repository
class TenantRepository {

    private final DSLContext db;
    private final ObjectMapper json;
    // Read by every registration; a change applies to the next one here and within seconds elsewhere.
    private final RecentReads<String, TenantSettings> recent = new RecentReads<>(Duration.ofSeconds(5), 10_000);

    TenantRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Keyed by tenant and guarded by version, so replaying an older event changes nothing. */
    void save(TenantConfigured event) throws JsonProcessingException {
        JSONB settings = JSONB.valueOf(json.writeValueAsString(event.settings()));
        db.insertInto(TENANT)
                .set(TENANT.ID, event.tenantId())
                .set(TENANT.VERSION, event.version())
                .set(TENANT.SETTINGS, settings)
                .onConflict(TENANT.ID)
                .doUpdate()
                .set(TENANT.VERSION, event.version())
                .set(TENANT.SETTINGS, settings)
                .where(TENANT.VERSION.lt(event.version()))
                .execute();
        recent.changed(event.tenantId());
    }

    Optional<TenantSettings> find(String id) {
        return recent.get(id, this::read);
    }

    private Optional<TenantSettings> read(String id) {
        return db.select(TENANT.SETTINGS).from(TENANT).where(TENANT.ID.eq(id)).fetchOptional(row -> settings(row.value1()));
    }

    List<TenantSettings> all() {
        return db.select(TENANT.SETTINGS).from(TENANT).orderBy(TENANT.ID).fetch(row -> settings(row.value1()));
    }

    private TenantSettings settings(JSONB stored) {
        try {
            return json.readValue(stored.data(), TenantSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tenant settings are unreadable", e);
        }
    }
}
