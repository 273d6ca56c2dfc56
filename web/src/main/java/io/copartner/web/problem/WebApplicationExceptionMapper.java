package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * JAX-RS's own errors (unknown path, wrong method, wrong media type, no token, wrong role, unreadable body) as
 * problem details with our own stable types and wording: the framework's messages are not part of our contract.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        // RESTEasy wraps a failure while reading the body (a limit, a refused integer) in a BadRequestException.
        Optional<Problem> cause = e.getCause() == null ? Optional.empty() : Failures.problemFor(e.getCause());
        Response response = ProblemResponses.of(cause.orElseGet(() -> problemFor(e.getResponse().getStatus(), e.getMessage())));
        Object allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null && response.getStatus() == 405) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
        }
        return response;
    }

    static Problem problemFor(int status, String message) {
        return switch (status) {
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST, safe(message, "The request could not be read."));
            case 401 -> Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token from the copartner realm is required.");
            case 403 -> Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this operation.");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "No resource at this path.");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "This resource does not support the request's method; the Allow header lists those it does.");
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE,
                "This resource cannot answer in any media type the Accept header allows.");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this server accepts.");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "This operation does not read a body of the request's Content-Type; see the OpenAPI document.");
            case 503 -> Problem.of(ProblemType.UNAVAILABLE, "Try again later.");
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
            || message.startsWith("HTTP ") || message.contains("Exception") || message.startsWith("RESTEASY")) {
            return fallback;
        }
        return message;
    }
}
