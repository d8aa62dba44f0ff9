/** Read-only compliance reports over Elasticsearch for auditors. */
package dev.registrar.reporting;
