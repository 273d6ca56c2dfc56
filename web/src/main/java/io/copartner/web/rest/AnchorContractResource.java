package io.copartner.web.rest;

import io.copartner.ledger.api.AnchorChain;
import io.copartner.ledger.api.AnchorContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where to look on chain: third parties need the contract address and chain id to check anchors. */
@Path("audit/contract")
@ApplicationScoped
@Tag(name = "audit")
public class AnchorContractResource {

    @Inject
    AnchorChain chain;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAnchorContract", summary = "The AuditAnchor contract the audit log is anchored to",
        description = "Chain id, address, deployer and deployment time of the AuditAnchor contract; a third party reads the `Anchored` events of this contract to check the anchors of `/audit/anchors` without trusting the platform.")
    @APIResponse(responseCode = "200", description = "The contract",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "anvil", value = """
            {"chainId":31337,"address":"0x5FbDB2315678afecb367f032d93F642f64180aa3",
             "deployer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","deployedAt":"2026-11-25T10:00:00Z"}""")))
    @APIResponse(responseCode = "503", description = "The chain is not reachable",
        content = @Content(mediaType = "application/problem+json"))
    public AnchorContract contract() {
        return chain.contract();
    }
}
