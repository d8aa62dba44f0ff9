/**
 * The anomaly detector: a Kafka Streams topology over the event topic that counts registrations,
 * refused registrations and failed client authentications in hopping windows, compares each window
 * with a baseline learned from the windows before it, watches for scopes a software has never asked
 * for, and publishes alerts to their own topic; and the listener that indexes those alerts and
 * delivers them to webhooks.
 */
package dev.registrar.anomaly;
