package io.copartner.web.rest;

import io.copartner.commerce.api.OrderActor;
import io.copartner.commerce.api.OrderPage;
import io.copartner.commerce.api.OrderView;
import io.copartner.commerce.api.Orders;
import io.copartner.commerce.api.RefundRequest;
import io.copartner.commerce.api.Shipment;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.web.json.OptionalJsonBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
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

/**
 * Orders after checkout: read by their buyer, merchant or an admin; each step by its actor only (403 otherwise),
 * idempotent, audited. PAID -> SHIPPED (merchant) -> DELIVERED (buyer, or the scheduler N days after shipping) ->
 * COMPLETED (buyer early, or the scheduler when the return window ends: escrow released); CANCELED before shipping;
 * REFUNDED within the return window.
 */
@Path("orders")
@RequestScoped
@Tag(name = "commerce")
@RolesAllowed({"partner", "merchant", "admin"})
@SecurityRequirement(name = "bearer")
public class OrdersResource {

    static final String P = CommerceBodies.PROBLEM;
    static final String ORDER = "{\"id\":\"01936b2f-0000-7000-8000-00000000f001\","
        + "\"checkoutId\":\"01936b2f-0000-7000-8000-00000000d001\","
        + "\"buyer\":\"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e\",\"merchantId\":\"m-7f3a\","
        + "\"merchantDid\":\"did:web:copartner.example:merchants:m-7f3a\",\"currency\":\"CNY\",\"status\":\"PAID\","
        + "\"total\":13600,\"refunded\":0,\"pointsRedeemed\":500,\"discount\":500,"
        + "\"pointsRestored\":0,\"rates\":{\"policyVersion\":1,\"platformFeeBps\":500,"
        + "\"partnerPoolBps\":1000},\"lines\":[{\"lineNo\":1,\"productId\":\"01936b2f-0000-7000-8000-00000000a001\","
        + "\"productVersion\":2,\"name\":\"Spring green tea 100 g\",\"unitPrice\":6800,\"quantity\":2,"
        + "\"refundedQuantity\":0,\"amount\":13600}],"
        + "\"placedAt\":\"2026-12-02T10:00:00Z\",\"paidAt\":\"2026-12-02T10:00:00Z\","
        + "\"paymentEntryId\":\"01936b2f-0000-7000-8000-00000000e001\",\"steps\":[{\"status\":\"PLACED\","
        + "\"actor\":\"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e\",\"actorRole\":\"buyer\","
        + "\"at\":\"2026-12-02T10:00:00Z\",\"auditEntryId\":1301,\"auditIndex\":1300},{\"status\":\"PAID\","
        + "\"actor\":\"party:4b1c0e9e-1d2f-4a51-9a7e-1f0c2d3b4a5e\",\"actorRole\":\"buyer\","
        + "\"at\":\"2026-12-02T10:00:00Z\",\"auditEntryId\":1302,\"auditIndex\":1301}]}";
    static final String ID = "the order id";

    @Inject
    Orders orders;

    @Context
    SecurityContext security;

    @Context
    Providers providers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyOrders", summary = "The caller's orders, newest first",
        description = "as=buyer (default): the orders the caller bought; as=merchant: the orders of the caller's "
            + "merchant (403 if the caller is not a merchant administered here). Cursor pages: pass next as cursor.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OrderPage.class),
        examples = @ExampleObject(name = "page", value = "{\"items\":[" + ORDER + "],\"next\":\"bzQy\"}")))
    @APIResponse(responseCode = "400", description = "A bad limit, as or cursor", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "as=merchant by a non-merchant", content = @Content(mediaType = P))
    public OrderPage list(
        @QueryParam("as") @Parameter(description = "buyer (default) or merchant") String as,
        @QueryParam("cursor") @Parameter(description = "next of the previous page") String cursor,
        @QueryParam("limit") @Parameter(description = "1..100, default 20") String limit) {
        boolean merchant;
        if (as == null || as.isBlank() || as.equals("buyer")) {
            merchant = false;
        } else if (as.equals("merchant")) {
            merchant = true;
        } else {
            throw ProblemException.badRequest("as must be buyer or merchant");
        }
        Long n = ProductsResource.number(limit, "limit");
        if (n != null && (n < 1 || n > Orders.MAX_PAGE)) {
            throw ProblemException.badRequest("limit must be 1.." + Orders.MAX_PAGE);
        }
        return orders.orders(CommerceBodies.actor(security), merchant, cursor, n == null ? 20 : n.intValue());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOrder", summary = "One order with its lines, rates, ledger entries and steps",
        description = "For its buyer, its merchant or an admin (404 for anyone else, as for an unknown id). Each step "
            + "names its actor and its audit entry (auditIndex: the leaf index, for inclusion proofs).")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class),
        examples = @ExampleObject(name = "paid", value = ORDER)))
    @APIResponse(responseCode = "404", description = "No such order of the caller's", content = @Content(mediaType = P))
    public OrderView get(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id) {
        UUID orderId = CommerceBodies.id(id, "order");
        return orders.order(CommerceBodies.actor(security), orderId)
            .orElseThrow(() -> ProblemException.notFound("No order " + id + "."));
    }

    @POST
    @Path("{id}/shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "shipOrder", summary = "The merchant ships a paid order",
        description = "PAID -> SHIPPED with carrier and tracking number (1..100 characters each); the order confirms "
            + "itself delivered COPARTNER_COMMERCE_AUTO_CONFIRM_AFTER (default P10D) later unless the buyer does "
            + "first. Only the order's merchant (403). Audited (commerce.order.shipped). Idempotency-Key required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = Shipment.class), examples = @ExampleObject(name = "shipment",
            value = "{\"carrier\":\"SF Express\",\"trackingNumber\":\"SF1234567890\"}")))
    @APIResponse(responseCode = "200", description = "Shipped", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OrderView.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "400", description = "Malformed body or a missing Idempotency-Key",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not the order's merchant", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Not PAID (order-state-conflict), or the Idempotency-Key was "
        + "used for another request", content = @Content(mediaType = P))
    public Response ship(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id,
                         @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                             description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        OrderActor actor = CommerceBodies.actor(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID orderId = CommerceBodies.id(id, "order");
        Shipment shipment = CommerceBodies.read(providers, body, Shipment.class, "a shipment");
        return ok(orders.ship(actor, orderId, shipment, key, ProductsResource.fingerprint("commerce.order.ship:" + id,
            actor.party(), body)));
    }

    @POST
    @Path("{id}/delivery")
    @OptionalJsonBody
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmOrderDelivery", summary = "The buyer confirms delivery",
        description = "SHIPPED -> DELIVERED; the return window (COPARTNER_COMMERCE_RETURN_WINDOW, default P7D) starts. "
            + "Only the buyer (403). Audited (commerce.order.delivered). Body {} or none. Idempotency-Key required.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "empty", value = "{}")))
    @APIResponse(responseCode = "200", description = "Delivered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OrderView.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "400", description = "A missing Idempotency-Key", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not the buyer", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Not SHIPPED (order-state-conflict), or the Idempotency-Key was "
        + "used for another request", content = @Content(mediaType = P))
    public Response deliver(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id,
                            @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                                description = MerchantAdminResource.KEY) String idempotencyKey) {
        OrderActor actor = CommerceBodies.actor(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID orderId = CommerceBodies.id(id, "order");
        return ok(orders.confirmDelivery(actor, orderId, key, ProductsResource.fingerprint(
            "commerce.order.deliver:" + id, actor.party(), "{}")));
    }

    @POST
    @Path("{id}/completion")
    @OptionalJsonBody
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeOrder", summary = "The buyer accepts a delivered order: escrow is released",
        description = "DELIVERED -> COMPLETED before the return window ends (the scheduler does it when it ends): one "
            + "balanced ledger entry moves the escrow to the merchant's MERCHANT_RECEIVABLE, the platform fee and "
            + "the partner pool at the order's frozen rates. The kept spend counts as the buyer's contribution. "
            + "Only the buyer (403). Audited (commerce.order.completed). Body {} or none. Idempotency-Key required.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "empty", value = "{}")))
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OrderView.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "400", description = "A missing Idempotency-Key", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not the buyer", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Not DELIVERED (order-state-conflict), or the Idempotency-Key "
        + "was used for another request", content = @Content(mediaType = P))
    public Response complete(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id,
                             @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                                 description = MerchantAdminResource.KEY) String idempotencyKey) {
        OrderActor actor = CommerceBodies.actor(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID orderId = CommerceBodies.id(id, "order");
        return ok(orders.complete(actor, orderId, key, ProductsResource.fingerprint("commerce.order.complete:" + id,
            actor.party(), "{}")));
    }

    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelOrder", summary = "Cancel a paid order before shipping: full refund",
        description = "PAID -> CANCELED by the buyer, the merchant or an admin (403 for anyone else): one balanced "
            + "entry moves the escrow back to the buyer's wallet and the stock returns. Body {\"reason\"} (optional, "
            + "1..100 characters). Audited (commerce.order.canceled). Idempotency-Key required.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = CancelDoc.class),
        examples = @ExampleObject(name = "reason", value = "{\"reason\":\"ordered twice\"}")))
    @APIResponse(responseCode = "200", description = "Canceled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OrderView.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "400", description = "Malformed body or a missing Idempotency-Key",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not the buyer, the merchant or an admin",
        content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Not PAID, e.g. shipped already (order-state-conflict), or the "
        + "Idempotency-Key was used for another request", content = @Content(mediaType = P))
    public Response cancel(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id,
                           @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                               description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        OrderActor actor = CommerceBodies.actor(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID orderId = CommerceBodies.id(id, "order");
        String json = body == null || body.isBlank() ? "{}" : body;
        CancelDoc cancel = CommerceBodies.read(providers, json, CancelDoc.class, "a cancellation");
        return ok(orders.cancel(actor, orderId, cancel.reason(), key, ProductsResource.fingerprint(
            "commerce.order.cancel:" + id, actor.party(), json)));
    }

    @POST
    @Path("{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refundOrder", summary = "Refund lines of a delivered order (merchant or admin)",
        description = "DELIVERED -> REFUNDED within the return window: the given units of the given lines (quantity "
            + "omitted: the whole line) go back to the buyer's wallet and the rest is released to the merchant, fee "
            + "and pool, all in one balanced entry. Only the merchant or an admin (403). Audited "
            + "(commerce.order.refunded). Idempotency-Key required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = RefundRequest.class), examples = @ExampleObject(name = "partial",
            value = "{\"lines\":[{\"lineNo\":1,\"quantity\":1}],\"reason\":\"one tin arrived dented\"}")))
    @APIResponse(responseCode = "200", description = "Refunded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OrderView.class), examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "400", description = "Malformed body, an unknown line, a bad quantity or a missing "
        + "Idempotency-Key", content = @Content(mediaType = P))
    @APIResponse(responseCode = "403", description = "Not the merchant or an admin", content = @Content(mediaType = P))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "Not DELIVERED (order-state-conflict), the return window closed "
        + "(return-window-closed), or the Idempotency-Key was used for another request",
        content = @Content(mediaType = P))
    public Response refund(@PathParam("id") @Parameter(in = ParameterIn.PATH, description = ID) String id,
                           @HeaderParam(IdempotencyKey.HEADER) @Parameter(required = true,
                               description = MerchantAdminResource.KEY) String idempotencyKey, String body) {
        OrderActor actor = CommerceBodies.actor(security);
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        UUID orderId = CommerceBodies.id(id, "order");
        RefundRequest refund = CommerceBodies.read(providers, body, RefundRequest.class, "a refund");
        return ok(orders.refund(actor, orderId, refund, key, ProductsResource.fingerprint(
            "commerce.order.refund:" + id, actor.party(), body)));
    }

    private static Response ok(Idempotent<OrderView> answer) {
        return IdempotentResponses.of(Response.Status.OK, answer);
    }

    /** A cancellation's body. */
    @Schema(name = "OrderCancellation")
    public record CancelDoc(@Schema(nullable = true, maxLength = 100) String reason) {
    }
}
