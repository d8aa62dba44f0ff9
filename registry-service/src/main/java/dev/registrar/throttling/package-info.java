/**
 * Rate limits and quotas (Bucket4j token buckets, one per key, held in bounded caches): the
 * public registration endpoint per tenant, per source address and per software_id, and failed
 * registration access tokens per client. Kept in memory: limits are per instance.
 */
package dev.registrar.throttling;
