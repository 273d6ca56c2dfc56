package io.copartner.web.json;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Checks the optional body of an {@link OptionalJsonBody} operation: well-formed JSON or nothing. */
@Provider
@OptionalJsonBody
@Priority(Priorities.ENTITY_CODER)
public class OptionalJsonBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity() || !StrictJsonSyntax.isJson(request.getMediaType())) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length > 0) {
            StrictJsonSyntax.check(body);
        }
    }
}
