package io.copartner.web.rest;

import io.copartner.economy.api.Settlement;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's revenue-share statements: what they got each period and why. */
@Path("me/statements")
@RequestScoped
@Tag(name = "economy")
@RolesAllowed({"partner", "merchant"})
@SecurityRequirement(name = "bearer")
public class MeStatementsResource {

    static final String P = CommerceBodies.PROBLEM;
    static final String STATEMENT = "{\"periodId\":\"20261202T100000Z\",\"start\":\"2026-12-02T10:00:00Z\","
        + "\"end\":\"2026-12-09T10:00:00Z\",\"state\":\"CLOSED\",\"lines\":[{\"asset\":\"CNY\",\"mySpend\":\"6800\","
        + "\"myReferrals\":\"0\",\"myWeight\":\"6800\",\"totalWeight\":\"13600\",\"pool\":\"1360\","
        + "\"myShare\":\"680\",\"payoutStatus\":\"PAID\",\"formula\":\"myShare = largestRemainder(...)\","
        + "\"myCoCreation\":\"0\",\"contributionWeights\":{\"spendBps\":10000,\"referralsBps\":10000,"
        + "\"coCreationBps\":0,\"divisor\":10000}}],"
        + "\"coCreation\":[{\"asset\":\"CNY\",\"productId\":\"3f0c2a8e-5b7d-4c1e-9a6f-2d8b7e4c1a90\","
        + "\"proposal\":\"0b7c9a52-3f1e-4c5d-9a8b-2e6f4d1c7a90\",\"shareBps\":7000,\"productAccrued\":\"666\","
        + "\"myShare\":\"466\",\"status\":\"PAID\",\"formula\":\"myShare = largestRemainder(productAccrued, "
        + "co-creators' shareBps)[me]\"}]}";

    @Inject
    Settlement settlement;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyStatements", summary = "The caller's revenue-share statements, newest first",
        description = "One per period in which the caller had a weight or earned as a co-creator: my spend, my "
            + "referrals, my weight, the total weight, the pool and my share (largest remainder), with the payout's "
            + "status; and coCreation: per co-created product, what it accrued for its co-creators in the period and "
            + "my share of it (ACCRUING until the period closes, then PAID).")
    @APIResponse(responseCode = "200", description = "Statements", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settlement.Statement[].class),
        examples = @ExampleObject(name = "statements", value = "[" + STATEMENT + "]")))
    public List<Settlement.Statement> list() {
        return settlement.statements(CommerceBodies.party(security));
    }

    @GET
    @Path("{periodId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyStatement", summary = "The caller's statement of one period",
        description = "The arithmetic of the caller's share of that period's pool and of their co-creation shares "
            + "(404 if the caller had neither).")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settlement.Statement.class),
        examples = @ExampleObject(name = "statement", value = STATEMENT)))
    @APIResponse(responseCode = "404", description = "No statement of the caller's", content = @Content(mediaType = P))
    public Settlement.Statement get(@PathParam("periodId") @Parameter(description = "the period id") String id) {
        return settlement.statement(CommerceBodies.party(security), id)
            .orElseThrow(() -> ProblemException.notFound("No statement for period " + id + "."));
    }
}
