/** Governance policy per tenant and software_id, and the initial access tokens that gate registration. */
package dev.registrar.policy;
