package io.copartner.web.rest;

import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP side of idempotency, in one place: the {@code Idempotency-Key} header read by the kernel's rule (a bad key
 * is a 400 {@code validation} problem) and {@code Idempotent-Replayed: true} on every answer that is a replay.
 */
final class IdempotentResponses {

    private IdempotentResponses() {
    }

    /** The key of a write where it is optional: null without the header. */
    static IdempotencyKey optionalKey(String header) {
        return IdempotencyKey.optional(header).orElse(null);
    }

    /** A response with the answer as its entity, marked when it is a replay. */
    static Response of(Response.Status status, Idempotent<?> answer) {
        return mark(Response.status(status).entity(answer.value()), answer.replayed()).build();
    }

    static Response.ResponseBuilder mark(Response.ResponseBuilder response, boolean replayed) {
        return replayed ? response.header(IdempotencyKey.REPLAYED_HEADER, "true") : response;
    }
}
