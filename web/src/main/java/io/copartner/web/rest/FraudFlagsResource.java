package io.copartner.web.rest;

import io.copartner.economy.api.FraudFlagPage;
import io.copartner.economy.api.FraudFlagView;
import io.copartner.economy.api.FraudFlags;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Fraud flags for admins: list, clear (grant what was withheld) or confirm (forfeit it). */
@Path("admin/fraud/flags")
@RequestScoped
@Tag(name = "economy")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class FraudFlagsResource {

    static final String P = CommerceBodies.PROBLEM;
    static final String FLAG = "{\"id\":\"01936b2f-0000-7000-8000-0000000f1a01\","
        + "\"orderId\":\"01936b2f-0000-7000-8000-00000000f001\",\"partner\":\"party:4b1c0e9e\","
        + "\"pattern\":\"fake-orders\",\"reasons\":[\"3 orders of at most 5000 minor units by the same buyer at "
        + "merchant m-1 within 24 h\",\"delivery confirmed 4 s after shipping (instant confirmation)\","
        + "\"reviewed (rating 5)\"],\"status\":\"OPEN\",\"createdAt\":\"2026-12-02T10:00:00Z\"}";

    @Inject
    FraudFlags flags;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFraudFlags", summary = "Fraud flags, newest first",
        description = "Flags raised on orders with their pattern (fake-orders: 刷单, repeated small orders between the "
            + "same buyer and merchant confirmed at once and reviewed; referral-ring: self-referral or a cycle in the "
            + "referral graph) and reasons. An OPEN flag withholds the order's commissions and points. Filter by "
            + "status (OPEN, CLEARED, CONFIRMED); cursor-paginated (limit 1..100, default 20).")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = FraudFlagPage.class), examples = @ExampleObject(name = "page",
            value = "{\"items\":[" + FLAG + "]}")))
    @APIResponse(responseCode = "400", description = "A bad status, cursor or limit", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = P))
    public FraudFlagPage list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                              @QueryParam("limit") @DefaultValue("20") int limit) {
        return flags.flags(status, cursor, limit);
    }

    @POST
    @Path("{id}/clear")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "clearFraudFlag", summary = "Clear a fraud flag: grant what was withheld",
        description = "An OPEN flag becomes CLEARED; the order's withheld commissions (and points) are granted in the "
            + "same transaction. Audited (economy.fraud.cleared). Idempotency-Key required.")
    @APIResponse(responseCode = "200", description = "Cleared (or the first result of a repeated key)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FraudFlagView.class),
            examples = @ExampleObject(name = "flag", value = FLAG)))
    @APIResponse(responseCode = "400", description = "A missing Idempotency-Key", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such flag", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Decided already, or the key was used for another request",
        content = @Content(mediaType = P))
    public Response clear(@PathParam("id") String id, @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey) {
        return decide(id, idempotencyKey, false);
    }

    @POST
    @Path("{id}/confirm")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmFraudFlag", summary = "Confirm a fraud flag: forfeit what was withheld",
        description = "An OPEN flag becomes CONFIRMED; the order's withheld commissions (and points) are forfeited. "
            + "Audited (economy.fraud.confirmed). Idempotency-Key required.")
    @APIResponse(responseCode = "200", description = "Confirmed (or the first result of a repeated key)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FraudFlagView.class),
            examples = @ExampleObject(name = "flag", value = FLAG)))
    @APIResponse(responseCode = "400", description = "A missing Idempotency-Key", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such flag", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Decided already, or the key was used for another request",
        content = @Content(mediaType = P))
    public Response confirm(@PathParam("id") String id, @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey) {
        return decide(id, idempotencyKey, true);
    }

    private Response decide(String id, String idempotencyKey, boolean confirm) {
        PartyId admin = CommerceBodies.party(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID flag = CommerceBodies.id(id, "fraud flag");
        String op = confirm ? "economy.fraud.confirm" : "economy.fraud.clear";
        String fp = ProductsResource.fingerprint(op, admin, "{\"flag\":\"" + flag + "\"}");
        return IdempotentResponses.of(Response.Status.OK, confirm ? flags.confirm(admin, flag, key, fp)
            : flags.clear(admin, flag, key, fp));
    }
}
