/** Token accounting: what the authorization server issued and revoked, recorded in batches, once per token id. */
package dev.registrar.tokens;
