/** Refused requests and broken rules, as values a client can act on: each has a stable code and a message. */
package dev.registrar.errors;
