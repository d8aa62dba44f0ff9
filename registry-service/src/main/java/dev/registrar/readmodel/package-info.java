/** The jOOQ read model in PostgreSQL that authorization servers query, and its projection. */
package dev.registrar.readmodel;
