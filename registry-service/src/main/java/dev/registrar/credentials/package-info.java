/** Credential material: generated from a CSPRNG, shown once, kept only as keyed hashes in PostgreSQL. */
package dev.registrar.credentials;
