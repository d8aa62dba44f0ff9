/** HTTP and JSON concerns every Registrar service shares; picked up by each service's component scan of {@code dev.registrar}. */
package dev.registrar.websupport;
