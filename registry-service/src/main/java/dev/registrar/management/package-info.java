/** RFC 7592 client management: read, update and delete a registration with its registration access token. */
package dev.registrar.management;
