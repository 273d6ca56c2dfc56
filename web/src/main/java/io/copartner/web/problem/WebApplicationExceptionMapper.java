package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Map;

/** JAX-RS's own errors (unknown path, wrong method, no token, wrong role, unreadable body) as problem details. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        return ProblemResponses.of(problemFor(e.getResponse().getStatus(), e.getMessage()));
    }

    static Problem problemFor(int status, String message) {
        return switch (status) {
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST, safe(message, "The request could not be read."));
            case 401 -> Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token from the copartner realm is required.");
            case 403 -> Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this operation.");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "No resource at this path.");
            default -> {
                Response.Status reason = Response.Status.fromStatusCode(status);
                String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
                // RFC 9457 §4.2.1: about:blank when the status code says it all.
                yield status >= 500
                    ? Problem.of(ProblemType.INTERNAL, null)
                    : new Problem(URI.create("about:blank"), title, status, safe(message, null), null, Map.of());
            }
        };
    }

    /** Framework messages can echo internals; keep them only when short and single-line. */
    private static String safe(String message, String fallback) {
        if (message == null || message.isBlank() || message.length() > 300 || message.contains("\n")
            || message.startsWith("HTTP ") || message.contains("Exception")) {
            return fallback;
        }
        return message;
    }
}
