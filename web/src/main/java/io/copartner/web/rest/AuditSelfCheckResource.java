package io.copartner.web.rest;

import io.copartner.ledger.api.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The server checking itself: every stored entry against the tree and the signed checkpoint. */
@Path("audit/self-check")
@RequestScoped
@RolesAllowed({"admin", "auditor"})
@Tag(name = "audit")
@SecurityRequirement(name = "bearer")
public class AuditSelfCheckResource {

    @Inject
    AuditLog log;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runAuditSelfCheck", summary = "Recompute leaf hashes and the root from storage and compare with the signed checkpoint",
        description = "Admins and auditors: the server recomputes every leaf hash and the Merkle root from storage and compares them with the latest signed checkpoint; `ok` is false and the mismatches are listed when anything differs.")
    @APIResponse(responseCode = "200", description = "The result; ok=false lists what does not match")
    public AuditLog.SelfCheck selfCheck() {
        return log.selfCheck();
    }
}
