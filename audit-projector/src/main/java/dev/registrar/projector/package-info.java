/** Consumes the event topic and projects every event into Elasticsearch exactly once per event id. */
package dev.registrar.projector;
