package io.copartner.web.rest;

import io.copartner.commerce.api.ReviewPage;
import io.copartner.commerce.api.Reviews;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A product's public reviews (pinned contract). On {@code products} like {@link ProductsResource}: RESTEasy merges
 * classes of the same root path only.
 */
@Path("products")
@RequestScoped
@Tag(name = "commerce")
public class ProductReviewsResource {

    @Inject
    Reviews reviews;

    @GET
    @Path("{id}/reviews")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listProductReviews", summary = "A product's reviews with average rating (public)",
        description = "Newest first: {items: [{reviewId, rating, text (null if hidden), textHash, hidden: {reason} "
            + "or null, reply, createdAt, auditIndex, verifiedPurchase}], next, average, count}. Every review is by "
            + "the buyer of a delivered order line, so verifiedPurchase is always true. average (two decimals, null "
            + "without reviews) and count cover every review, hidden ones too (only their text is hidden). textHash "
            + "is the SHA-256 of the text's UTF-8 bytes, as in the review's audit entry (auditIndex).")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ReviewPage.class), examples = @ExampleObject(name = "page",
            value = "{\"items\":[" + ReviewsResource.REVIEW + "," + ReviewsResource.HIDDEN
                + "],\"next\":\"cjEyMzQ\",\"average\":3.0,\"count\":7}")))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
        content = @Content(mediaType = CommerceBodies.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such product (or its merchant is suspended)",
        content = @Content(mediaType = CommerceBodies.PROBLEM))
    public String list(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = "the product id") String id,
                           @QueryParam("cursor") @Parameter(description = "next of the previous page") String cursor,
                           @QueryParam("limit") @Parameter(description = "1..100, default 20") String limit) {
        Long n = ProductsResource.number(limit, "limit");
        if (n != null && (n < 1 || n > Reviews.MAX_PAGE)) {
            throw ProblemException.badRequest("limit must be 1.." + Reviews.MAX_PAGE);
        }
        return ReviewJson.page(reviews.reviews(CommerceBodies.id(id, "product"), cursor, n == null ? 20 : n.intValue()));
    }
}
