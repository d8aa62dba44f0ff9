/** Shared HTTP concerns: API key authentication and the one mapping from refusals to responses. */
package dev.registrar.web;
