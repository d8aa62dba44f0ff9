/** Publishes every event to Kafka as the versioned envelope of registry-events, at least once. */
package dev.registrar.publishing;
