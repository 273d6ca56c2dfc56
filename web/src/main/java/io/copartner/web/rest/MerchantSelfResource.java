package io.copartner.web.rest;

import io.copartner.commerce.api.Catalogue;
import io.copartner.commerce.api.ProductPage;
import io.copartner.identity.api.DidAdministration;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    @Inject
    Catalogue catalogue;

    @GET
    @Path("products")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "commerce")
    @Operation(operationId = "listMyProducts", summary = "The signed-in merchant's own products (merchant console)",
        description = "Every product of the caller's merchant, in creation order, whatever its listing state "
            + "(AWAITING_APPROVAL included, unlike the public browse). Pass next as cursor for the following page.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ProductsResource.ProductPageDoc.class),
        examples = @ExampleObject(name = "page", value = "{\"items\":[" + ProductsResource.PRODUCT + "],\"next\":null}")))
    @APIResponse(responseCode = "400", description = "A bad cursor or limit", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not a merchant administered here (merchant-not-verified)",
        content = @Content(mediaType = "application/problem+json"))
    public ProductPage products(@QueryParam("cursor") @Parameter(description = "next of the previous page") String cursor,
                                @QueryParam("limit") @Parameter(description = "1..100, default 20") String limit) {
        int size = limit == null || limit.isBlank() ? 20
            : Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ProductsResource.number(limit, "limit"))));
        return catalogue.ofMerchant(Callers.actor(token), cursor, size);
    }

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
