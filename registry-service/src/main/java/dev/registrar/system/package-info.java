/** Cross-cutting configuration: Axon's processors and correlation data, the clock; statements rendered once for the hot paths. */
package dev.registrar.system;
