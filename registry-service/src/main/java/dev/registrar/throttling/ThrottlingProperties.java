package dev.registrar.throttling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits, each a capacity per period. Unset, they are 6,000 a minute per tenant, 60 a minute
 * per address, 1,000 an hour per software_id and 10 wrong registration access tokens a minute per client.
 *
 * @param registrationsPerTenant   registrations one tenant's endpoint accepts, whoever calls it
 * @param registrationsPerSource   registrations from one source address at one tenant
 * @param registrationsPerSoftware registrations of one software_id at one tenant (a quota)
 * @param registrationAccessTokenFailuresPerClient wrong registration access tokens presented for one client
 * @param maxTrackedKeys           keys each limit tracks at most
 */
@Validated
@ConfigurationProperties("registrar.throttling")
public record ThrottlingProperties(
        @Valid Limit registrationsPerTenant,
        @Valid Limit registrationsPerSource,
        @Valid Limit registrationsPerSoftware,
        @Valid Limit registrationAccessTokenFailuresPerClient,
        @Min(1) @DefaultValue("100000") long maxTrackedKeys) {

    public ThrottlingProperties {
        registrationsPerTenant = orDefault(registrationsPerTenant, new Limit(6000, Duration.ofMinutes(1)));
        registrationsPerSource = orDefault(registrationsPerSource, new Limit(60, Duration.ofMinutes(1)));
        registrationsPerSoftware = orDefault(registrationsPerSoftware, new Limit(1000, Duration.ofHours(1)));
        registrationAccessTokenFailuresPerClient = orDefault(registrationAccessTokenFailuresPerClient, new Limit(10, Duration.ofMinutes(1)));
    }

    private static Limit orDefault(Limit configured, Limit standard) {
        return configured == null ? standard : configured;
    }
}
