package io.copartner.web.rest;

import io.copartner.economy.api.Points;
import io.copartner.economy.api.Points.BrandLiability;
import io.copartner.economy.api.Points.BrandPoints;
import io.copartner.economy.api.Points.ExchangeQuote;
import io.copartner.economy.api.Points.PointsExchange;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
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
 * Loyalty points per brand (a brand is a merchant; its points are the asset PTS:&lt;merchantId&gt;): the caller's
 * points and the cross-brand exchange at the governed rates. Partners only, except the brands' liability (auditors).
 */
@Path("points")
@RequestScoped
@Tag(name = "economy")
@SecurityRequirement(name = "bearer")
public class PointsResource {

    static final String PROBLEM = "application/problem+json";
    static final String QUOTE = "{\"id\":\"01936b2f-0000-7000-8000-00000000d001\",\"from\":\"m-acme\",\"to\":\"m-tea\","
        + "\"amount\":100,\"receive\":80,\"rateBps\":8000,\"policyVersion\":2,\"expiresAt\":\"2026-12-02T10:01:00Z\"}";
    static final String EXCHANGE = "{\"id\":\"01936b2f-0000-7000-8000-00000000d002\",\"quoteId\":"
        + "\"01936b2f-0000-7000-8000-00000000d001\",\"from\":\"m-acme\",\"to\":\"m-tea\",\"given\":100,\"received\":80,"
        + "\"entryId\":\"01936b2f-0000-7000-8000-00000000d003\",\"auditEntryId\":1500,\"at\":\"2026-12-02T10:00:30Z\"}";

    @Inject
    Points points;

    @Context
    SecurityContext security;

    @POST
    @Path("exchanges/quotes")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "quotePointsExchange", summary = "Quote a cross-brand points exchange",
        description = "The rate of the revenue policy in force now (pointExchangeRates, from → to); receive = "
            + "⌊amount × rateBps / 10000⌋. The quote is the caller's, valid for 60 s (configurable) and usable once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "quote",
        value = "{\"from\":\"m-acme\",\"to\":\"m-tea\",\"amount\":100}")))
    @APIResponse(responseCode = "201", description = "The quote", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeQuote.class),
        examples = @ExampleObject(name = "quote", value = QUOTE)))
    @APIResponse(responseCode = "400", description = "Malformed body, a bad brand or amount",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "No rate for the pair in the policy in force (conflict), or "
        + "fewer points than asked (insufficient-funds)", content = @Content(mediaType = PROBLEM))
    public Response quote(String body) {
        JsonObject o = object(body);
        ExchangeQuote q = points.quote(actor(), text(o, "from"), text(o, "to"), amount(o));
        return Response.status(Response.Status.CREATED).entity(q).build();
    }

    @POST
    @Path("exchanges")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exchangePoints", summary = "Execute a points exchange quote",
        description = "Takes the quoted points of brand from (first-to-expire first) into the clearing account of "
            + "the pair and issues the quoted points of brand to: one balanced ledger entry and an audit entry "
            + "(economy.points.exchanged). Idempotency-Key required: a retry answers the first exchange.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "exchange",
        value = "{\"quoteId\":\"01936b2f-0000-7000-8000-00000000d001\"}")))
    @APIResponse(responseCode = "201", description = "The exchange (or, for a repeated Idempotency-Key, the first)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PointsExchange.class),
            examples = @ExampleObject(name = "exchange", value = EXCHANGE)))
    @APIResponse(responseCode = "400", description = "Malformed body or a missing Idempotency-Key",
        content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote of the caller's", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote expired or was used (conflict), the points are gone "
        + "(insufficient-funds), or the key was used for another request", content = @Content(mediaType = PROBLEM))
    public Response exchange(@HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        PartyId holder = actor();
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        JsonObject o = object(body);
        UUID quote;
        try {
            quote = UUID.fromString(text(o, "quoteId"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("quoteId must be a quote id");
        }
        return IdempotentResponses.of(Response.Status.CREATED, points.exchange(holder, quote, key,
            ProductsResource.fingerprint("economy.points.exchange", holder, body)));
    }

    @GET
    @Path("brands/{brand}/liability")
    @RolesAllowed({"admin", "auditor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPointsLiability", summary = "A brand's outstanding points",
        description = "outstanding = −balance of the brand's POINTS_ISSUED account = points in holders' wallets + "
            + "points in clearing accounts of exchanges out of the brand, exactly.")
    @APIResponse(responseCode = "200", description = "The liability", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BrandLiability.class),
        examples = @ExampleObject(name = "liability", value = "{\"brand\":\"m-acme\",\"asset\":\"PTS:m-acme\","
            + "\"issuedAccountId\":\"01936b2f-0000-7000-8000-00000000d020\",\"outstanding\":220,\"inWallets\":120,"
            + "\"inClearing\":100}")))
    @APIResponse(responseCode = "400", description = "Not a brand code", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin or auditor", content = @Content(mediaType = PROBLEM))
    public BrandLiability liability(@PathParam("brand") @Parameter(description = "the brand (merchant id)")
                                    String brand) {
        return points.liability(brand);
    }

    private PartyId actor() {
        return Callers.actor(security);
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        try (var r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (!(v instanceof JsonObject o)) {
                throw ProblemException.malformed("the body is not a JSON object");
            }
            return o;
        } catch (JsonException e) {
            throw ProblemException.malformed("the body is not JSON: " + e.getMessage());
        }
    }

    static String text(JsonObject o, String name) {
        if (!(o.get(name) instanceof JsonString s)) {
            throw ProblemException.badRequest(name + " is required (a string)");
        }
        return s.getString();
    }

    static long amount(JsonObject o) {
        if (!(o.get("amount") instanceof JsonNumber n) || !n.isIntegral()) {
            throw ProblemException.badRequest("amount is required (a whole number of points)");
        }
        try {
            return n.bigIntegerValueExact().longValueExact();
        } catch (ArithmeticException e) {
            throw ProblemException.badRequest("amount is out of range");
        }
    }
}
