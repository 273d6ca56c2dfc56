package io.copartner.web.openapi;

import io.copartner.kernel.problem.ProblemType;

/**
 * The one {@code Problem} component (RFC 9457) every 4xx/5xx response refers to. Its shape is declared in
 * {@code META-INF/openapi.yaml}; its description gets the list of stable {@code type} URIs straight from
 * {@link ProblemType}, so the document cannot drift from the catalogue. Not an enum on purpose: a type added later
 * must not break a client generated today (RFC 9457 §3.1: treat an unknown type by its status).
 */
public final class ProblemSchema {

    public static final String NAME = "Problem";
    public static final String REF = "#/components/schemas/" + NAME;
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemSchema() {
    }

    /** The bullet list of every catalogued type: {@code - `<uri>` (<status>): <title>}. */
    static String typeCatalogue() {
        StringBuilder list = new StringBuilder();
        for (ProblemType t : ProblemType.values()) {
            list.append("\n- `").append(t.uri()).append("` (").append(t.status()).append("): ").append(t.title());
        }
        return list.toString();
    }
}
