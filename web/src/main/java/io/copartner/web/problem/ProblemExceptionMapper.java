package io.copartner.web.problem;

import io.copartner.kernel.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Domain and service errors already carry their problem; render it as is. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
        return ProblemResponses.of(e.problem());
    }
}
