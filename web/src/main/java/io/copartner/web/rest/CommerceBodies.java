package io.copartner.web.rest;

import io.copartner.commerce.api.OrderActor;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the order and review resources share: the caller, JSON bodies, ids in paths. */
final class CommerceBodies {

    static final String PROBLEM = "application/problem+json";

    private CommerceBodies() {
    }

    static PartyId party(SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw ProblemException.unauthorized("a bearer token is required");
        }
        return Callers.actor(token);
    }

    static OrderActor actor(SecurityContext security) {
        return new OrderActor(party(security), security.isUserInRole("admin"));
    }

    static <T> T read(Providers providers, String body, Class<T> type, String what) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest(what + " body is required");
        }
        try {
            T value = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE).getContext(type)
                .fromJson(body, type);
            if (value == null) {
                throw ProblemException.badRequest(what + " body is required");
            }
            return value;
        } catch (JsonbException | IllegalArgumentException e) {
            throw ProblemException.malformed("the body is not " + what + ": " + e.getMessage());
        }
    }

    static UUID id(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("No " + what + " " + text + ".");
        }
    }
}
