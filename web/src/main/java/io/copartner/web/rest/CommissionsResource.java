package io.copartner.web.rest;

import io.copartner.economy.api.CommissionPage;
import io.copartner.economy.api.Commissions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A referrer's commissions: pending, withheld, earned, clawed back, paid. */
@Path("me/commissions")
@RequestScoped
@Tag(name = "economy")
@RolesAllowed("partner")
@SecurityRequirement(name = "bearer")
public class CommissionsResource {

    static final String PAGE = "{\"items\":[{\"id\":\"01936b2f-0000-7000-8000-0000000c0001\","
        + "\"orderId\":\"01936b2f-0000-7000-8000-00000000f001\",\"lineNo\":1,\"level\":1,\"asset\":\"CNY\","
        + "\"policyVersion\":1,\"rateBps\":1000,\"lineAmount\":30000,\"pending\":3000,\"earned\":2000,"
        + "\"clawedBack\":1000,\"paid\":0,\"status\":\"EARNED\",\"placedAt\":\"2026-12-02T10:00:00Z\","
        + "\"settledAt\":\"2026-12-09T10:00:00Z\"}],\"totals\":{\"CNY\":{\"pending\":0,\"withheld\":0,"
        + "\"earned\":2000,\"clawedBack\":1000,\"paid\":0,\"payable\":2000,\"debt\":0}}}";

    @Inject
    Commissions commissions;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyCommissions", summary = "My referral commissions and totals",
        description = "One row per order line and level, newest first, cursor-paginated (limit 1..100, default 20), "
            + "and the caller's totals per asset. A commission is frozen at placement (policy version and rate of "
            + "then: pending = rate × line amount, rounded down), earned only when the sale completes (escrow "
            + "released); a refunded part is clawed back pro rata per line (earned + clawedBack = pending exactly); "
            + "an order on fraud hold is WITHHELD until an admin decides; earned commission is paid to the wallet "
            + "after its settlement period ends.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = CommissionPage.class), examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A bad cursor or limit",
        content = @Content(mediaType = CommerceBodies.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = CommerceBodies.PROBLEM))
    public CommissionPage list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("20") int limit) {
        return commissions.mine(CommerceBodies.party(security), cursor, limit);
    }
}
