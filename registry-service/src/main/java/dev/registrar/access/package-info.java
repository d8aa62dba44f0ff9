/**
 * Administrator and auditor keys issued at run time — issued, rotated and revoked as events — and the
 * audit of every key's use (tenant keys included), summed per key and operation into events.
 */
package dev.registrar.access;
