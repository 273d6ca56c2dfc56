package io.copartner.web.rest;

import io.copartner.commerce.api.NewReview;
import io.copartner.commerce.api.ReviewView;
import io.copartner.commerce.api.Reviews;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Verified-purchase reviews: written by buyers of delivered order lines, answered by merchants, moderated by admins. */
@Path("reviews")
@RequestScoped
@Tag(name = "commerce")
@SecurityRequirement(name = "bearer")
public class ReviewsResource {

    static final String P = CommerceBodies.PROBLEM;
    static final String REVIEW = "{\"reviewId\":\"01936b2f-0000-7000-8000-0000000a0001\",\"rating\":5,"
        + "\"text\":\"Fresh and fragrant, as described.\","
        + "\"textHash\":\"3f1d9a0c6e2b47d8a1c5e9f0b2d4c6a8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9\","
        + "\"reply\":\"Thank you, enjoy the tea!\",\"createdAt\":\"2026-12-05T08:00:00Z\",\"auditIndex\":1412,"
        + "\"verifiedPurchase\":true}";
    /** A moderated review: text null, the reason shown, the hash kept. */
    static final String HIDDEN = "{\"reviewId\":\"01936b2f-0000-7000-8000-0000000a0002\",\"rating\":1,\"text\":null,"
        + "\"textHash\":\"9b2e4c6a8d0f1e3a5c7b9d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a\","
        + "\"hidden\":{\"reason\":\"insults another customer\"},\"reply\":null,"
        + "\"createdAt\":\"2026-12-05T09:00:00Z\",\"auditIndex\":1420,\"verifiedPurchase\":true}";
    static final String ID = "the review id";

    @Inject
    Reviews reviews;

    @Context
    SecurityContext security;

    @Context
    Providers providers;

    @POST
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReview", summary = "Review a delivered order line (its buyer, once)",
        description = "Only the buyer of a DELIVERED or COMPLETED order line (403 review-not-allowed otherwise), once "
            + "per line (409 review-exists). rating 1..5; text 1..2000 characters, stored Unicode NFC-normalised and "
            + "trimmed; its SHA-256 (hex of the UTF-8 bytes) goes into the audit entry (commerce.review.created) and "
            + "is shown as textHash. A review is never changed. Idempotency-Key required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = NewReview.class), examples = @ExampleObject(name = "review",
            value = "{\"orderId\":\"01936b2f-0000-7000-8000-00000000f001\",\"lineNo\":1,\"rating\":5,"
                + "\"text\":\"Fresh and fragrant, as described.\"}")))
    @APIResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class),
            examples = @ExampleObject(name = "review", value = REVIEW)))
    @APIResponse(responseCode = "400", description = "Malformed body, a bad rating or text, a missing Idempotency-Key",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not a partner, or no delivered order line of the caller's "
        + "(review-not-allowed)", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "The line has its review already (review-exists), or the "
        + "Idempotency-Key was used for another request", content = @Content(mediaType = P))
    public Response create(@HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        PartyId buyer = CommerceBodies.party(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        NewReview review = CommerceBodies.read(providers, body, NewReview.class, "a review");
        return json(Response.Status.CREATED, reviews.review(buyer, review, key,
            ProductsResource.fingerprint("commerce.review.create", buyer, body)));
    }

    @POST
    @Path("{id}/reply")
    @RolesAllowed("merchant")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replyToReview", summary = "The merchant replies to a review (once)",
        description = "Only the reviewed product's merchant (403), once (409 review-answered); text 1..2000 "
            + "characters, NFC-normalised; its SHA-256 is audited (commerce.review.replied). Idempotency-Key required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = TextDoc.class),
        examples = @ExampleObject(name = "reply", value = "{\"text\":\"Thank you, enjoy the tea!\"}")))
    @APIResponse(responseCode = "200", description = "Replied", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ReviewView.class), examples = @ExampleObject(name = "review", value = REVIEW)))
    @APIResponse(responseCode = "400", description = "Malformed body, a bad text, a missing Idempotency-Key",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not the product's merchant", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such review", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Replied already (review-answered), or the Idempotency-Key was "
        + "used for another request", content = @Content(mediaType = P))
    public Response reply(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id,
                          @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                              description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        PartyId merchant = CommerceBodies.party(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        TextDoc text = CommerceBodies.read(providers, body, TextDoc.class, "a reply");
        return json(Response.Status.OK, reviews.reply(merchant, CommerceBodies.id(id, "review"),
            text.text(), key, ProductsResource.fingerprint("commerce.review.reply:" + id, merchant, body)));
    }

    @POST
    @Path("{id}/moderation")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "hideReview", summary = "An admin hides a review's text, with a reason",
        description = "The public listing then shows text null and hidden.reason; textHash stays, so the audited "
            + "original remains verifiable. Once per review (409 review-answered). Audited (commerce.review.hidden, "
            + "with the reason and the text's hash). Idempotency-Key required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ReasonDoc.class),
        examples = @ExampleObject(name = "abuse", value = "{\"reason\":\"insults another customer\"}")))
    @APIResponse(responseCode = "200", description = "Hidden", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ReviewView.class), examples = @ExampleObject(name = "review", value = HIDDEN)))
    @APIResponse(responseCode = "400", description = "Malformed body, a bad reason, a missing Idempotency-Key",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such review", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Hidden already (review-answered), or the Idempotency-Key was "
        + "used for another request", content = @Content(mediaType = P))
    public Response hide(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id,
                         @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                             description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        PartyId admin = CommerceBodies.party(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        ReasonDoc reason = CommerceBodies.read(providers, body, ReasonDoc.class, "a moderation");
        return json(Response.Status.OK, reviews.hide(admin, CommerceBodies.id(id, "review"),
            reason.reason(), key, ProductsResource.fingerprint("commerce.review.hide:" + id, admin, body)));
    }

    private static Response json(Response.Status status, io.copartner.kernel.idempotency.Idempotent<ReviewView> r) {
        return IdempotentResponses.mark(Response.status(status).type(MediaType.APPLICATION_JSON)
            .entity(ReviewJson.review(r.value())), r.replayed()).build();
    }

    /** A reply's body. */
    @Schema(name = "ReviewReply")
    public record TextDoc(@Schema(maxLength = 2000) String text) {
    }

    /** A moderation's body. */
    @Schema(name = "ReviewModeration")
    public record ReasonDoc(@Schema(maxLength = 500) String reason) {
    }
}
