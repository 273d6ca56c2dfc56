package io.copartner.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Makes the error half of the contract uniform, so a resource only says which errors it answers and why:
 * every 4xx/5xx response becomes {@code application/problem+json} referring to the one {@code Problem} schema
 * (examples kept), every operation that requires a token documents its 401, and every operation documents
 * {@code 4XX} for the client errors the HTTP edge answers anywhere, and {@code 429} (the rate limits) and {@code 503}
 * (a part is down), both with {@code Retry-After}, which any operation may answer.
 * Registered by {@code mp.openapi.filter} in the WAR's microprofile-config.properties.
 * <p>Compiled against the MicroProfile 6.1 OpenAPI API (3.1) but run by Liberty's mpOpenAPI-4.0: use only model
 * methods whose signatures did not change (not {@code Schema.type(..)}, which takes a list in 4.0), and keep
 * schemas themselves in META-INF/openapi.yaml.
 */
public class CopartnerOasFilter implements OASFilter {

    static final String UNAUTHORIZED = "401";
    /** Any other client error: the edge answers 400/405/406/413/415 on every operation (found by ContractFuzzIT). */
    static final String ANY_CLIENT_ERROR = "4XX";
    static final String TOO_MANY_REQUESTS = "429";
    static final String UNAVAILABLE = "503";
    static final String RETRY_AFTER_REF = "#/components/schemas/RetryAfterSeconds";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Schema problem = components == null || components.getSchemas() == null
            ? null : components.getSchemas().get(ProblemSchema.NAME);
        if (problem == null) {
            throw new IllegalStateException("META-INF/openapi.yaml must declare components.schemas." + ProblemSchema.NAME);
        }
        problem.setDescription(problem.getDescription() + ProblemSchema.typeCatalogue());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<SecurityRequirement> global = openAPI.getSecurity();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (requiresToken(operation, global)) {
                    addUnauthorized(operation);
                }
                addAnyClientError(operation);
                addRetryable(operation, TOO_MANY_REQUESTS, "Over a rate limit of this client or IP (problem type "
                    + "`too-many-requests`, with `retryAfterSeconds`): retry after `Retry-After` seconds");
                addRetryable(operation, UNAVAILABLE, "A part the operation needs is down (the database, Keycloak, the"
                    + " chain; problem type `unavailable`): nothing was changed; retry after `Retry-After` seconds");
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach((code, response) -> {
                        if (isError(code)) {
                            problemContent(response);
                        }
                    });
                }
            }
        }
    }

    static boolean isError(String code) {
        return code != null && (code.equals(APIResponses.DEFAULT) || code.matches("[45](\\d\\d|XX)"));
    }

    static boolean requiresToken(Operation operation, List<SecurityRequirement> global) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        // An empty requirement ({}) in the list means "anonymous is fine too".
        return security != null && !security.isEmpty()
            && security.stream().noneMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
    }

    private static void addUnauthorized(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(UNAUTHORIZED)) {
            return;
        }
        operation.getResponses().addAPIResponse(UNAUTHORIZED, OASFactory.createAPIResponse()
            .description("No token, or one that is expired or not from the platform's Keycloak realm"));
    }

    private static void addAnyClientError(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(ANY_CLIENT_ERROR)) {
            operation.getResponses().addAPIResponse(ANY_CLIENT_ERROR, OASFactory.createAPIResponse()
                .description("Any other client error, e.g. a malformed or oversized body (413), an unsupported "
                    + "content type (415) or Accept header (406): a problem whose `type` says which"));
        }
    }

    private static void addRetryable(Operation operation, String code, String description) {
        APIResponse response = operation.getResponses().getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(code, response);
        }
        if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before retrying (RFC 9110 §10.2.3)")
                .schema(OASFactory.createSchema().ref(RETRY_AFTER_REF)));
        }
    }

    /** One problem+json media type with the Problem schema; examples given under any media type are kept. */
    private static void problemContent(APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        Map<String, org.eclipse.microprofile.openapi.models.examples.Example> examples = new LinkedHashMap<>();
        Object example = null;
        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
            for (MediaType media : response.getContent().getMediaTypes().values()) {
                if (media.getExamples() != null) {
                    examples.putAll(media.getExamples());
                }
                if (media.getExample() != null) {
                    example = media.getExample();
                }
            }
        }
        MediaType problem = OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref(ProblemSchema.REF));
        if (!examples.isEmpty()) {
            problem.setExamples(examples);
        } else if (example != null) {
            problem.setExample(example);
        }
        Content content = OASFactory.createContent().addMediaType(ProblemSchema.MEDIA_TYPE, problem);
        response.setContent(content);
    }
}
