package dev.registrar.events;

/**
 * Who caused an event.
 *
 * @param kind          {@code anonymous} (open registration), {@code tenant}, {@code admin} or {@code system}
 * @param id            the tenant or administrator id; empty for anonymous callers
 * @param remoteAddress the caller's network address, where the event came from an HTTP request
 */
public record Actor(String kind, String id, String remoteAddress) {
}
