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
        // An internal error caused by the database (lost connection, constraint) is the database's problem.
        if (e.problem().status() == 500) {
            return ProblemResponses.of(Failures.problemFor(e).orElse(e.problem()));
        }
        return ProblemResponses.of(e.problem());
    }
}
