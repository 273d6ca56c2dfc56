package io.copartner.web.rest;

import io.copartner.economy.api.Settlement;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Settlement periods for the admin screen (state, progress, pools) and the four-eyes approval of large payouts. */
@Path("admin/settlement")
@RequestScoped
@Tag(name = "economy")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class SettlementAdminResource {

    static final String P = CommerceBodies.PROBLEM;
    static final String PERIOD = "{\"periodId\":\"20261202T100000Z\",\"start\":\"2026-12-02T10:00:00Z\","
        + "\"end\":\"2026-12-09T10:00:00Z\",\"state\":\"CLOSING\",\"policyVersion\":1,\"partnersTotal\":3,"
        + "\"partnersDone\":2,\"pools\":[{\"asset\":\"CNY\",\"inflow\":\"1360\",\"carriedIn\":\"0\","
        + "\"totalWeight\":\"13600\",\"distributed\":\"1360\",\"undistributed\":\"0\"}],\"pendingApprovals\":[]}";

    @Inject
    Settlement settlement;

    @Context
    SecurityContext security;

    @GET
    @Path("periods")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSettlementPeriods", summary = "Settlement periods, newest first, with progress",
        description = "Each period [start, end) with its state (OPEN, CLOSING, CLOSED), partners done of total, pools "
            + "per asset and payouts waiting for a second approval. Cursor: the last periodId of the previous page.")
    @APIResponse(responseCode = "200", description = "Periods", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = Settlement.PeriodView[].class),
        examples = @ExampleObject(name = "periods", value = "[" + PERIOD + "]")))
    @APIResponse(responseCode = "400", description = "A bad limit", content = @Content(mediaType = P))
    public List<Settlement.PeriodView> list(
        @QueryParam("cursor") @Parameter(description = "periodId to continue before") String cursor,
        @QueryParam("limit") @Parameter(description = "1..100, default 20") String limit) {
        Long n = ProductsResource.number(limit, "limit");
        if (n != null && (n < 1 || n > Settlement.MAX_PAGE)) {
            throw ProblemException.badRequest("limit must be 1.." + Settlement.MAX_PAGE);
        }
        return settlement.periods(cursor == null || cursor.isBlank() ? null : cursor, n == null ? 20 : n.intValue());
    }

    @GET
    @Path("periods/{periodId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSettlementPeriod", summary = "One settlement period with its close progress",
        description = "State, partners done of total, pools and the payouts waiting for four eyes.")
    @APIResponse(responseCode = "200", description = "The period", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settlement.PeriodView.class),
        examples = @ExampleObject(name = "closing", value = PERIOD)))
    @APIResponse(responseCode = "404", description = "No such period", content = @Content(mediaType = P))
    public Settlement.PeriodView get(@PathParam("periodId") @Parameter(description = "the period id") String id) {
        return settlement.period(id).orElseThrow(() -> ProblemException.notFound("No settlement period " + id + "."));
    }

    @POST
    @Path("payouts/{payoutId}/approvals")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approvePayout", summary = "Approve a payout above the approval threshold (four eyes)",
        description = "A payout above COPARTNER_PAYOUT_APPROVAL_THRESHOLD is paid after two different admins "
            + "approved it, whether a revenue share of the period's pool (kind REVENUE_SHARE) or a co-creator's share "
            + "of a product's revenue (kind CO_CREATION, held at the period's close). The first approval is "
            + "recorded; the same admin approving again as a new request (another Idempotency-Key) is refused "
            + "(409 conflict): one admin cannot be both pairs of eyes. The second admin's approval releases a revenue "
            + "share for payment (PENDING, paid by the close) and pays a co-creation share at once (PAID). Each "
            + "approval is audited (economy.payout.approved, economy.cocreation.payout.approved). Idempotency-Key "
            + "required: a retry with the same key approves nothing again and answers the payout as it is now, "
            + "marked Idempotent-Replayed: true.")
    @APIResponse(responseCode = "200", description = "The payout after this approval", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settlement.PayoutView.class),
        examples = @ExampleObject(name = "first", value = "{\"id\":\"01936b2f-0000-7000-8000-00000000c001\","
            + "\"periodId\":\"20261202T100000Z\",\"partner\":\"party:4b1c0e9e\",\"asset\":\"CNY\","
            + "\"amount\":\"2000000\",\"status\":\"AWAITING_APPROVAL\",\"firstApprover\":\"party:admin-1\","
            + "\"kind\":\"REVENUE_SHARE\"}")))
    @APIResponse(responseCode = "400", description = "A malformed id or a missing Idempotency-Key",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such payout", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Not awaiting approval, the same admin twice (under another key), "
        + "or the key used for another request",
        content = @Content(mediaType = P))
    public Response approve(@HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey,
        @PathParam("payoutId") @Parameter(description = "the payout id") String id) {
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID payout = CommerceBodies.id(id, "payout");
        PartyId admin = CommerceBodies.party(security);
        return IdempotentResponses.of(Response.Status.OK, settlement.approve(payout, admin, key,
            IdempotentRequest.fingerprint("economy.payout.approve", admin, Map.of("payoutId", payout.toString()))));
    }
}
