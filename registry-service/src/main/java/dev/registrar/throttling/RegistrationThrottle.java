package dev.registrar.throttling;

import org.springframework.stereotype.Component;

/**
 * The limits of the open registration endpoint. The caller's limits are checked before the body
 * is read, the software quota once its software_id is known. The most specific limit is taken
 * first, so one address flooding a tenant spends its own allowance, not the tenant's.
 */
@Component
public class RegistrationThrottle {

    private final Throttle perSource;
    private final Throttle perTenant;
    private final Throttle perSoftware;

    RegistrationThrottle(ThrottlingProperties properties) {
        this.perSource = new Throttle("too many registrations from this address", properties.registrationsPerSource(),
                properties.maxTrackedKeys());
        this.perTenant = new Throttle("too many registrations at this authorization server", properties.registrationsPerTenant(),
                properties.maxTrackedKeys());
        this.perSoftware = new Throttle("the registration quota of this software_id is used up", properties.registrationsPerSoftware(),
                properties.maxTrackedKeys());
    }

    public void admitCaller(String tenant, String sourceAddress) {
        perSource.acquire(tenant + " " + sourceAddress);
        perTenant.acquire(tenant);
    }

    public void admitSoftware(String tenant, String softwareId) {
        if (softwareId != null && !softwareId.isBlank()) {
            perSoftware.acquire(tenant + " " + softwareId);
        }
    }
}
