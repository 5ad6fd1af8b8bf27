/** Authentication and authorisation: the resource server, the local development issuer, the principal of a request. */
@NullMarked
package de.kimgraph.api.security;

import org.jspecify.annotations.NullMarked;
