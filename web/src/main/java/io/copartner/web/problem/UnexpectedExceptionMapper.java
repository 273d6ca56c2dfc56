package io.copartner.web.problem;

import io.copartner.kernel.id.Ids;
import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unforeseen: first look through the cause chain (a database outage is 503, a constraint 409, an
 * overflow 400); otherwise 500 with an error id the operator can find in the log, never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        return ProblemResponses.of(problemFor(e));
    }

    static Problem problemFor(Throwable e) {
        Optional<Problem> known = Failures.problemFor(e);
        if (known.isPresent()) {
            Problem p = known.get();
            LOG.log(p.status() >= 500 ? Level.WARNING : Level.FINE, p.status() + " " + p.type() + ": " + e);
            return p;
        }
        String errorId = Ids.newId().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + errorId, e);
        return Problem.of(ProblemType.INTERNAL, "Unexpected error; quote the errorId to support.")
            .withExtension("errorId", errorId);
    }
}
