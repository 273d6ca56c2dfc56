package io.copartner.web.rest;

import io.copartner.economy.api.Recommendations;
import io.copartner.economy.api.Recommendations.ConsentView;
import io.copartner.economy.api.Recommendations.RecommendationList;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The partner's consents and the recommendations made under them (issue 12 item 7): off by default; while on, the
 * partner's purchases form a profile used for recommendations only; withdrawing deletes it.
 */
@Path("me")
@RequestScoped
@Tag(name = "economy")
@RolesAllowed("partner")
@SecurityRequirement(name = "bearer")
public class MeRecommendationsResource {

    static final String PROBLEM = PointsResource.PROBLEM;
    static final String CONSENTS = "{\"recommendations\":true,\"updatedAt\":\"2026-12-03T10:00:00.123456Z\","
        + "\"auditEntryId\":1500,\"profileSize\":3}";
    static final String LIST = "{\"items\":[{\"productId\":\"01936b2f-0000-7000-8000-00000000e001\",\"name\":"
        + "\"Longjing tea 250 g\",\"merchantId\":\"m-tea\",\"category\":\"tea\",\"prices\":[{\"currency\":\"CNY\","
        + "\"amount\":8800}],\"reason\":\"CO_PURCHASED\",\"becauseProductId\":\"01936b2f-0000-7000-8000-00000000e002\","
        + "\"becauseName\":\"Celadon teapot\",\"coBuyers\":3,\"explanation\":\"Because you bought Celadon teapot: 3 "
        + "partners who bought it also bought this.\"}],\"basedOn\":2,\"generatedAt\":\"2026-12-03T10:00:01Z\"}";

    @Inject
    Recommendations recommendations;

    @Context
    SecurityContext security;

    @GET
    @Path("consents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyConsents", summary = "The caller's consents",
        description = "Whether the partner consents to recommendations (off until they turn it on), when that last "
            + "changed with its audit entry (economy.consent), and how many products their derived profile holds.")
    @APIResponse(responseCode = "200", description = "The consents", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class),
        examples = @ExampleObject(name = "on", value = CONSENTS)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    public ConsentView consents() {
        return recommendations.consents(actor());
    }

    @PUT
    @Path("consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyConsents", summary = "Give or withdraw consent",
        description = "{\"recommendations\": true} builds the derived profile from the partner's orders and keeps it "
            + "in step with new ones; false deletes the profile in the same transaction. Each change is one "
            + "economy.consent audit entry; setting what is already set changes and records nothing, so a retry is "
            + "harmless. Unknown purposes are refused (400) rather than ignored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
        examples = @ExampleObject(name = "grant", value = "{\"recommendations\":true}")))
    @APIResponse(responseCode = "200", description = "The consents now", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class),
        examples = @ExampleObject(name = "on", value = CONSENTS)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, a purpose other than recommendations, or "
        + "not a boolean", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    public ConsentView putConsents(String body) {
        JsonObject o = PointsResource.object(body);
        for (String key : o.keySet()) {
            if (!Recommendations.RECOMMENDATIONS.equals(key)) {
                throw ProblemException.badRequest("unknown purpose '" + key + "': the only one is recommendations");
            }
        }
        JsonValue v = o.get(Recommendations.RECOMMENDATIONS);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw ProblemException.badRequest("recommendations is required (true or false)");
        }
        return recommendations.setRecommendations(actor(), v == JsonValue.TRUE);
    }

    @GET
    @Path("recommendations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyRecommendations", summary = "Products recommended to the caller, each with why",
        description = "From the caller's own purchases and co-purchases among consenting partners: CO_PURCHASED "
            + "(at least copartner.recommendations.min-co-buyers, default 2, other partners bought both it and the "
            + "named product, so no list reveals one person's purchase) first, then SAME_MERCHANT (more from a "
            + "merchant the caller bought from). Only live products in stock that the caller has not bought. "
            + "consent-required (403) until the caller consents.")
    @APIResponse(responseCode = "200", description = "The recommendations", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationList.class),
        examples = @ExampleObject(name = "list", value = LIST)))
    @APIResponse(responseCode = "400", description = "limit outside 1..50", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner (forbidden), or no consent (consent-required)",
        content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "consent-required", value = """
            {"type":"https://copartner.io/problems/consent-required","title":"Consent required","status":403,
             "detail":"Recommendations are off. Turn them on with PUT /api/v1/me/consents {\\"recommendations\\":true}; your purchases are used for nothing else."}""")))
    public RecommendationList recommend(@QueryParam("limit") @DefaultValue("10")
                                        @Parameter(description = "at most this many (1..50)") int limit) {
        return recommendations.recommend(actor(), limit);
    }

    private PartyId actor() {
        return Callers.actor(security);
    }
}
