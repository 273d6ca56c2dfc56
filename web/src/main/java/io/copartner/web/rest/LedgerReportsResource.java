package io.copartner.web.rest;

import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.TrialBalance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ledger's self-check for admins and auditors. */
@Path("ledger/trial-balance")
@RequestScoped
@RolesAllowed({"admin", "auditor"})
@Tag(name = "ledger")
@SecurityRequirement(name = "bearer")
public class LedgerReportsResource {

    @Inject
    Ledger ledger;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTrialBalance", summary = "Trial balance: per asset, the sum of all balances and of all postings (both must be zero)",
        description = "Read in one database snapshot. `mismatchedAccounts` counts accounts whose stored balance differs "
            + "from the sum of their postings; `balanced` is true when every sum is zero and nothing mismatches.")
    @APIResponse(responseCode = "200", description = "The trial balance",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialBalance.class),
            examples = @ExampleObject(name = "sound", value = """
                {"assets":[{"asset":"CNY","accounts":3,"balanceSum":0,"postingSum":0},
                           {"asset":"USD","accounts":2,"balanceSum":0,"postingSum":0}],
                 "mismatchedAccounts":0,"balanced":true}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not an admin or auditor", content = @Content(mediaType = "application/problem+json"))
    public TrialBalance trialBalance() {
        return ledger.trialBalance();
    }
}
