package io.copartner.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Some providers surface unreadable JSON as a bare JsonbException rather than a ProcessingException. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
        // A limit hit or an integer refused while reading surfaces here, wrapped by the JSON reader.
        return Failures.problemFor(e).map(ProblemResponses::of).orElseGet(ProblemResponses::unreadableBody);
    }
}
