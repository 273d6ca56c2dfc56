package io.copartner.web.rest;

import io.copartner.identity.api.MerchantAccess;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.web.problem.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses writes (any method but GET, HEAD, OPTIONS) by a merchant whose merchant is suspended, from the moment
 * the suspension commits, whatever the age of its access token: the merchant is looked up by the token's
 * {@code sub} (its Keycloak user id).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 50)
public class SuspendedMerchantFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    MerchantAccess access;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security == null || !security.isUserInRole("merchant")) {
            return;
        }
        Principal principal = security.getUserPrincipal();
        String subject = principal instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        if (subject != null && access.writesBlocked(subject)) {
            request.abortWith(ProblemResponses.of(
                ProblemException.forbidden("This merchant is suspended: its writes are refused.").problem()));
        }
    }
}
