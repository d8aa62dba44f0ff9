/** A client's life after registration: authentication, secret rotation, revocation (also of a whole release), expiry. */
package dev.registrar.lifecycle;
