package io.copartner.web.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body JSON-B cannot read (malformed JSON, wrong types) is the client's error, not ours. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
        // A limit hit or an integer refused while reading surfaces here, wrapped by the JSON reader.
        return Failures.problemFor(e).map(ProblemResponses::of).orElseGet(ProblemResponses::unreadableBody);
    }
}
