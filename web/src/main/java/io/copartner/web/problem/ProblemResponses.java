package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** Renders RFC 9457 problem details; the one place that knows the wire shape. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Seconds a client should wait before retrying after a 503 (RFC 9110 §10.2.3). */
    static final String RETRY_AFTER_SECONDS = "5";

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(MEDIA_TYPE).entity(toJson(problem));
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"copartner\"");
        }
        if (problem.status() == 503) {
            builder.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (problem.status() == 429 && problem.extensions().get("retryAfterSeconds") != null) {
            // A domain limit (e.g. the economy's velocity limits) says when to retry.
            builder.header("Retry-After", String.valueOf(problem.extensions().get("retryAfterSeconds")));
        }
        return builder.build();
    }

    /** The same answer from a servlet or filter, outside JAX-RS. */
    public static void write(HttpServletResponse res, Problem problem) throws IOException {
        res.setStatus(problem.status());
        if (problem.status() == 401) {
            res.setHeader("WWW-Authenticate", "Bearer realm=\"copartner\"");
        }
        if (problem.status() == 503) {
            res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        res.setContentType(MEDIA_TYPE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(toJson(problem));
    }

    /** A request body that could not be read as the operation's JSON. */
    public static Response unreadableBody() {
        return of(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON for this operation."));
    }

    public static String toJson(Problem problem) {
        JsonObjectBuilder json = Json.createObjectBuilder()
            .add("type", problem.type().toString())
            .add("title", problem.title())
            .add("status", problem.status());
        if (problem.detail() != null) {
            json.add("detail", problem.detail());
        }
        if (problem.instance() != null) {
            json.add("instance", problem.instance().toString());
        }
        if (problem.extensions() != null) {
            problem.extensions().forEach((k, v) -> json.add(k, value(v)));
        }
        return json.build().toString();
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Json.createValue(((Number) v).longValue());
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            m.forEach((k, x) -> o.add(String.valueOf(k), value(x)));
            return o.build();
        }
        if (v instanceof Collection<?> c) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            c.forEach(x -> a.add(value(x)));
            return a.build();
        }
        return Json.createValue(String.valueOf(v));
    }
}
