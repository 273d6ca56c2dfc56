package io.copartner.web.json;

import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Holds every JSON request body to RFC 8259 before JSON-B maps it: exactly one value followed only by whitespace
 * (JSON-B stops after the first value and would ignore {@code {"a":1} trailing}), and numbers in the RFC's grammar
 * (the parser accepts {@code 01}). Bodies are already bounded by RequestLimitsFilter, so buffering one is cheap.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonSyntax implements ReaderInterceptor {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            byte[] body = context.getInputStream().readAllBytes();
            if (body.length > 0) {
                check(body);
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    /** Throws {@code malformed-request} unless {@code body} is one well-formed JSON value (blank bodies excepted). */
    public static void check(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            // RFC 8259 §8.1: a JSON text must not begin with a byte order mark; JSON-B refuses one, so refuse it here too.
            throw ProblemException.malformed("The request body begins with a byte order mark.");
        }
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            int depth = 0;
            boolean seenValue = false;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (seenValue && depth == 0) {
                    throw ProblemException.malformed("The request body has content after its JSON value.");
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_NUMBER -> {
                        if (!NUMBER.matcher(parser.getString()).matches()) {
                            throw ProblemException.malformed("Malformed JSON number: " + parser.getString());
                        }
                    }
                    default -> { }
                }
                if (depth == 0) {
                    seenValue = true;
                }
            }
        } catch (JsonParsingException e) {
            throw ProblemException.malformed("The request body is not well-formed JSON: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw ProblemException.malformed("The request body is not well-formed JSON.");
        }
    }
}
