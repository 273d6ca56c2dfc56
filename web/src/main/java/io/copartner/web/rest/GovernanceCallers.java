package io.copartner.web.rest;

import io.copartner.governance.api.Actor;
import io.copartner.kernel.problem.ProblemException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The governance {@link Actor} of an authenticated request (resources with public reads take no JsonWebToken field). */
final class GovernanceCallers {

    private GovernanceCallers() {
    }

    static Actor actor(SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw ProblemException.unauthorized("a bearer token is required");
        }
        Set<String> roles = new TreeSet<>();
        for (String g : token.getGroups()) {
            if (MeResource.PLATFORM_ROLES.contains(g)) {
                roles.add(g);
            }
        }
        Object did = token.getClaim("did");
        return new Actor(Callers.actor(token), did == null || did.toString().isBlank() ? null : did.toString(),
            Set.copyOf(roles));
    }
}
