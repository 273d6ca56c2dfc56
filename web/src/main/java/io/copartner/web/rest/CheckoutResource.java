package io.copartner.web.rest;

import io.copartner.commerce.api.CheckoutView;
import io.copartner.commerce.api.NewCheckout;
import io.copartner.commerce.api.OrderActor;
import io.copartner.commerce.api.Orders;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checkout: a cart becomes one paid order per merchant, all paid in one ledger entry from the buyer's wallet. */
@Path("checkouts")
@RequestScoped
@Tag(name = "commerce")
@RolesAllowed("partner")
@SecurityRequirement(name = "bearer")
public class CheckoutResource {

    static final String CART = """
        {"currency":"CNY","lines":[{"productId":"01936b2f-0000-7000-8000-00000000a001","quantity":2},\
        {"productId":"01936b2f-0000-7000-8000-00000000a002","quantity":1}],\
        "redeemPoints":[{"brand":"m-7f3a","points":500}]}""";
    static final String CHECKOUT = "{\"id\":\"01936b2f-0000-7000-8000-00000000d001\","
        + "\"buyer\":\"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e\",\"currency\":\"CNY\",\"total\":20400,\"discount\":500,\"charged\":19900,"
        + "\"walletAccountId\":\"01936b2f-0000-7000-8000-00000000c001\","
        + "\"ledgerEntryId\":\"01936b2f-0000-7000-8000-00000000e001\",\"createdAt\":\"2026-12-02T10:00:00Z\","
        + "\"orders\":[" + OrdersResource.ORDER + "]}";

    @Inject
    Orders orders;

    @Context
    SecurityContext security;

    @Context
    Providers providers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCheckout", summary = "Check out a cart and pay it from the wallet",
        description = "Places one order per merchant for the cart's lines (products LIVE, merchants verified, each at "
            + "its current version and price in currency) and pays them all in ONE balanced ledger entry from the "
            + "caller's WALLET to ESCROW. The revenue policy in force now is frozen on each order (platform fee and "
            + "partner pool rates used when escrow is released). Stock is taken atomically: it never oversells. "
            + "Insufficient funds, too little stock or an unavailable product: 409 and nothing is written or charged. "
            + "Each order is audited (commerce.order.placed, commerce.order.paid). referralCode (or, without it, the "
            + "attribution cookie set by GET /r/{code}) attributes the sale to a share link; an unknown code leaves it "
            + "unattributed. Over the orders velocity limit per partner per hour: 429 with Retry-After. redeemPoints "
            + "(optional, [{brand, points}], brand = a merchant id of the cart) pays part of that brand's order with the "
            + "caller's points of the brand: a ledger entry, not a price change. One point pays "
            + "copartner.points.redeem-minor-per-point minor units (default 1); the discount is capped at "
            + "copartner.points.redeem-max-share-bps of the brand's lines (default 5000) and at the merchant's part; "
            + "only the points the capped discount needs are taken (first to expire first), and the brand funds the "
            + "discount out of its settlement. Asking more points than the caller holds: 409 insufficient-points, "
            + "nothing charged. The wallet pays total - discount (charged); a refund gives the points back pro rata. "
            + "Idempotency-Key required: a retry answers the first checkout (and redeems nothing again).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = NewCheckout.class), examples = @ExampleObject(name = "cart", value = CART)))
    @APIResponse(responseCode = "201", description = "Paid (or, for a repeated Idempotency-Key, the first result)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckoutView.class),
            examples = @ExampleObject(name = "checkout", value = CHECKOUT)))
    @APIResponse(responseCode = "400", description = "Malformed cart, a bad quantity, redeemPoints or currency "
        + "(unsupported-currency), a missing Idempotency-Key", content = @Content(mediaType = CommerceBodies.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = CommerceBodies.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = CommerceBodies.PROBLEM))
    @APIResponse(responseCode = "429", description = "too-many-requests: the partner's orders per hour limit; "
        + "Retry-After says when", content = @Content(mediaType = CommerceBodies.PROBLEM))
    @APIResponse(responseCode = "409", description = "insufficient-funds, insufficient-points, out-of-stock, product-unavailable (not live, "
        + "merchant suspended, no price in the currency), or the Idempotency-Key was used for another request; "
        + "nothing was charged", content = @Content(mediaType = CommerceBodies.PROBLEM))
    public Response checkout(@HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
        description = MerchantAdminResource.KEY) String idempotencyKey,
                             @CookieParam(ReferralRedirectServlet.COOKIE) @Parameter(hidden = true) String referral,
                             String body) {
        OrderActor buyer = CommerceBodies.actor(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        NewCheckout cart = CommerceBodies.read(providers, body, NewCheckout.class, "a cart");
        if ((cart.referralCode() == null || cart.referralCode().isBlank()) && referral != null && !referral.isBlank()) {
            // The attribution cookie of the last share link clicked (GET /r/{code}), when the body names none.
            cart = new NewCheckout(cart.currency(), cart.lines(), referral, cart.redeemPoints());
        }
        Idempotent<CheckoutView> done = orders.checkout(buyer, cart, key,
            ProductsResource.fingerprint("commerce.checkout", buyer.party(), body));
        return IdempotentResponses.of(Response.Status.CREATED, done);
    }
}
