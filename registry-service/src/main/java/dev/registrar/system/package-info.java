/** Cross-cutting configuration: Axon's processors and correlation data, the clock. */
package dev.registrar.system;
