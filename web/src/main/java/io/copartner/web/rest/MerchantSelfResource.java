package io.copartner.web.rest;

import io.copartner.identity.api.DidAdministration;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a signed-in merchant does to its own identity. Refused (403) while the merchant is suspended. */
@Path("merchants/me")
@RequestScoped
@RolesAllowed("merchant")
@Tag(name = "identity")
@SecurityRequirement(name = "bearer")
public class MerchantSelfResource {

    @Inject
    MerchantAccess access;

    @Inject
    DidAdministration dids;

    @Inject
    JsonWebToken token;

    @POST
    @Path("keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerOwnMerchantKey", summary = "Register the merchant's own public key in its did:web document",
        description = "A merchant adds a public key (Multikey, `publicKeyMultibase`) to its own did:web document, e.g. to sign its EPCIS events. The change is audited.")
    @APIResponse(responseCode = "200", description = "The change and the document")
    @APIResponse(responseCode = "403", description = "Not a merchant administered here, or suspended",
        content = @Content(mediaType = "application/problem+json"))
    public DidAdminResource.KeyChangeView addKey(@Valid @NotNull DidAdminResource.MerchantKey body) {
        String merchantId = access.merchantIdOf(token.getSubject())
            .orElseThrow(() -> ProblemException.forbidden("This account is not a merchant administered here."));
        return DidAdminResource.KeyChangeView.of(dids.addMerchantKey(merchantId, body.publicKeyMultibase(),
            Callers.actor(token)));
    }
}
