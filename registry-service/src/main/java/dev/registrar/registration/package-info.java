/** RFC 7591 dynamic client registration: the endpoint, metadata validation and redirect URI rules. */
package dev.registrar.registration;
