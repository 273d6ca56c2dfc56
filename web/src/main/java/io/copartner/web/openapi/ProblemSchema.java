package io.copartner.web.openapi;

import io.copartner.kernel.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The one {@code Problem} component (RFC 9457) every 4xx/5xx response refers to. Its description lists the
 * stable {@code type} URIs straight from {@link ProblemType}, so the document cannot drift from the catalogue.
 * Not an enum on purpose: a type added later must not break a client generated today (RFC 9457 §3.1: treat an
 * unknown type by its status).
 */
public final class ProblemSchema {

    public static final String NAME = "Problem";
    public static final String REF = "#/components/schemas/" + NAME;
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemSchema() {
    }

    /** The bullet list of every catalogued type: {@code - <uri> (<status>): <title>}. */
    static String typeCatalogue() {
        StringBuilder list = new StringBuilder();
        for (ProblemType t : ProblemType.values()) {
            list.append("\n- `").append(t.uri()).append("` (").append(t.status()).append("): ").append(t.title());
        }
        return list.toString();
    }

    static Schema create() {
        Schema fieldError = OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .description("One invalid field of the request")
            .addRequired("field").addRequired("message")
            .addProperty("field", string("JSON path of the field, e.g. `postings[1].amount`; `body` for the whole body"))
            .addProperty("message", string("What is wrong with it"));
        return OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .title("Problem details (RFC 9457)")
            .description("Every error response is `" + MEDIA_TYPE + "` of this shape. `type` is one of these stable "
                + "URIs (clients switch on it; more may be added, so handle an unknown one by its `status`), or "
                + "`about:blank` when the HTTP status says it all:" + typeCatalogue())
            .addRequired("type").addRequired("title").addRequired("status")
            .addProperty("type", string("A URI identifying the problem type (see the list above)")
                .format("uri").example(ProblemType.VALIDATION.uri().toString()))
            .addProperty("title", string("Short summary of the problem type; the same for every occurrence"))
            .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")
                .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                .description("The HTTP status code of this response"))
            .addProperty("detail", string("Human-readable explanation of this occurrence"))
            .addProperty("instance", string("URI reference identifying this occurrence").format("uri-reference"))
            .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError)
                .description("Extension of `validation` problems: each invalid field"))
            .addProperty("accountId", string("Extension of `insufficient-funds` problems: the account that would go "
                + "below zero").format("uuid"))
            .addProperty("errorId", string("Extension of `internal` problems: quote it to the operator; the server log "
                + "holds the cause under this id"))
            .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
