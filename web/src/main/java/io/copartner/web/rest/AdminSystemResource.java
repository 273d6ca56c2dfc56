package io.copartner.web.rest;

import io.copartner.ledger.api.AnchorChain;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an operator needs to see at a glance: which issuer, chain and contract this instance uses. */
@Path("admin/system")
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminSystemResource {

    @Inject
    AnchorChain chain;

    @Inject
    @ConfigProperty(name = "copartner.jwt.issuer")
    String issuer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSystemInfo", summary = "Platform wiring: token issuer and anchor chain (admins only)",
        description = "Which token issuer the platform trusts, which chain id and AuditAnchor contract it anchors to, and whether the chain answers now.")
    @APIResponse(responseCode = "200", description = "The wiring")
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = "application/problem+json"))
    public SystemInfo system() {
        AnchorChain.ChainProbe probe = chain.probe();
        return new SystemInfo(issuer, probe.chainId(), probe.contract().orElse(null), probe.up());
    }

    public record SystemInfo(String issuer, long chainId, String anchorContract, boolean chainUp) {
    }
}
