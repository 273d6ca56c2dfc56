package io.copartner.kernel.problem;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RFC 9457 problem details. {@code type}, {@code title} and {@code status} are always present (the web
 * layer serialises them as {@code application/problem+json}); {@code detail} and {@code instance} may be
 * null; {@code extensions} holds extra members (never null, insertion-ordered, read-only).
 */
public record Problem(URI type, String title, int status, String detail, URI instance, Map<String, Object> extensions) {

    /** Member names defined by RFC 9457 itself; an extension must not shadow them. */
    public static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    public Problem {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(title, "title must not be null");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code (100..599) but was " + status);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (extensions != null) {
            for (Map.Entry<String, Object> e : extensions.entrySet()) {
                String name = Objects.requireNonNull(e.getKey(), "extension name must not be null");
                if (STANDARD_MEMBERS.contains(name)) {
                    throw new IllegalArgumentException("extension '" + name + "' would shadow a standard member");
                }
                copy.put(name, e.getValue());
            }
        }
        extensions = Collections.unmodifiableMap(copy);
    }

    /** A problem of a catalogued type with its default title and status. */
    public static Problem of(ProblemType type, String detail) {
        Objects.requireNonNull(type, "type must not be null");
        return new Problem(type.uri(), type.title(), type.status(), detail, null, Map.of());
    }

    public Problem withDetail(String newDetail) {
        return new Problem(type, title, status, newDetail, instance, extensions);
    }

    public Problem withInstance(URI newInstance) {
        return new Problem(type, title, status, detail, newInstance, extensions);
    }

    /** A copy with one more extension member (replacing an existing one of the same name). */
    public Problem withExtension(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, instance, more);
    }
}
