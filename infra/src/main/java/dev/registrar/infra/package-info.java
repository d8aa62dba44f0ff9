/** Starts the real PostgreSQL, Kafka and Elasticsearch on loopback without Docker, and the local stack on top of them. */
package dev.registrar.infra;
