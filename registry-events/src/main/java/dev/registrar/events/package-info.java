/** The published language: the versioned envelope and payloads that registry-service publishes to Kafka and the audit side consumes. */
package dev.registrar.events;
