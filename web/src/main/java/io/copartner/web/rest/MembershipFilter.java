package io.copartner.web.rest;

import io.copartner.governance.api.Membership;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Membership is free and automatic: a partner signed in with a did:key is a member from their first authenticated
 * call. Known members cost one in-memory look-up; a roster failure never fails the request (the next call retries).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 60)
public class MembershipFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(MembershipFilter.class.getName());

    @Inject
    Membership membership;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        Object claim = jwt.getClaim("did");
        String did = claim == null ? null : claim.toString();
        if (did == null || !did.startsWith("did:key:") || membership.isKnown(did) || jwt.getSubject() == null) {
            return;
        }
        try {
            membership.join(did, Callers.actor(jwt).value());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not add " + did + " to the roster; retried on the next call", e);
        }
    }
}
