package io.copartner.web.rest;

import io.copartner.economy.api.ShareLinkPage;
import io.copartner.economy.api.ShareLinkView;
import io.copartner.economy.api.ShareLinks;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's share links (issue 12 item 1): {@code /r/{code}} leads to the product and attributes the sale. */
@Path("me/share-links")
@RequestScoped
@Tag(name = "economy")
@RolesAllowed("partner")
@SecurityRequirement(name = "bearer")
public class ShareLinksResource {

    static final String P = CommerceBodies.PROBLEM;
    static final String LINK = "{\"code\":\"7fK2pQ9xZa\",\"productId\":\"01936b2f-0000-7000-8000-00000000a001\","
        + "\"path\":\"/r/7fK2pQ9xZa\",\"createdAt\":\"2026-12-02T10:00:00Z\"}";

    /** The body of a new link. */
    public record NewShareLink(UUID productId) {
    }

    @Inject
    ShareLinks links;

    @Context
    SecurityContext security;

    @Context
    Providers providers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createShareLink", summary = "Make a share link for a product",
        description = "A random, unguessable code for a product in the catalogue. A sale through it (GET /r/{code} sets "
            + "the attribution cookie; the checkout may also name the code as referralCode) earns the link's owner a "
            + "commission once the sale completes (and their own referrer the next level, up to the policy's cap). "
            + "Making a link costs and pays nothing. Audited (economy.share-link.created). Idempotency-Key required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = NewShareLink.class), examples = @ExampleObject(name = "link",
            value = "{\"productId\":\"01936b2f-0000-7000-8000-00000000a001\"}")))
    @APIResponse(responseCode = "201", description = "Made (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareLinkView.class),
            examples = @ExampleObject(name = "link", value = LINK)))
    @APIResponse(responseCode = "400", description = "No productId, a missing Idempotency-Key",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such product in the catalogue", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
        content = @Content(mediaType = P))
    public Response create(@HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        PartyId owner = CommerceBodies.party(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        NewShareLink link = CommerceBodies.read(providers, body, NewShareLink.class, "a share link");
        return IdempotentResponses.of(Response.Status.CREATED, links.create(owner, link.productId(), key,
            ProductsResource.fingerprint("economy.share-link.create", owner, body)));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyShareLinks", summary = "My share links, newest first",
        description = "The caller's share links, newest first, cursor-paginated (limit 1..100, default 20).")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ShareLinkPage.class), examples = @ExampleObject(name = "page",
            value = "{\"items\":[" + LINK + "]}")))
    @APIResponse(responseCode = "400", description = "A bad cursor or limit", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = P))
    public ShareLinkPage list(@QueryParam("cursor") String cursor,
                              @QueryParam("limit") @DefaultValue("20") int limit) {
        return links.mine(CommerceBodies.party(security), cursor, limit);
    }
}
