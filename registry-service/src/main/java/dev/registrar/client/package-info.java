/** The Client aggregate: the consistency boundary of one registered OAuth client, its commands and its events. */
package dev.registrar.client;
