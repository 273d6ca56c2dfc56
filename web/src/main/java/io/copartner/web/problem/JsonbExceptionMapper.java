package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Some providers surface unreadable JSON as a bare JsonbException rather than a ProcessingException. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
        return ProblemResponses.of(Problem.of(ProblemType.MALFORMED_REQUEST,
            "The request body is not valid JSON for this operation."));
    }
}
