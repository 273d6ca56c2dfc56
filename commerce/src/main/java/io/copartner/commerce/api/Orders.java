package io.copartner.commerce.api;

import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders with escrow. A checkout places one order per merchant and pays them all in one balanced ledger entry from
 * the buyer's WALLET to ESCROW; the steps after are each one transaction with its audit entry, allowed only to their
 * actor ({@code forbidden} otherwise) and idempotent by key. Problems: {@code out-of-stock}, {@code insufficient-funds},
 * {@code product-unavailable} (409, nothing written), {@code order-state-conflict}, {@code return-window-closed} (409).
 */
public interface Orders {

    int MAX_PAGE = 100;

    Idempotent<CheckoutView> checkout(OrderActor buyer, NewCheckout cart, IdempotencyKey key, String fingerprint);

    /** The buyer, the order's merchant, or an admin; others see nothing (empty). */
    Optional<OrderView> order(OrderActor actor, UUID orderId);

    /** The caller's orders as buyer ({@code asMerchant} false) or as merchant, newest first. */
    OrderPage orders(OrderActor actor, boolean asMerchant, String cursor, int limit);

    /** The merchant ships a PAID order. */
    Idempotent<OrderView> ship(OrderActor merchant, UUID orderId, Shipment shipment, IdempotencyKey key,
                               String fingerprint);

    /** The buyer confirms a SHIPPED order delivered; the return window starts. */
    Idempotent<OrderView> confirmDelivery(OrderActor buyer, UUID orderId, IdempotencyKey key, String fingerprint);

    /** Buyer, merchant or admin cancels a PAID order (not yet shipped): full refund, stock back. */
    Idempotent<OrderView> cancel(OrderActor actor, UUID orderId, String reason, IdempotencyKey key,
                                 String fingerprint);

    /** Merchant or admin refunds lines of a DELIVERED order within the return window; the rest is released. */
    Idempotent<OrderView> refund(OrderActor actor, UUID orderId, RefundRequest refund, IdempotencyKey key,
                                 String fingerprint);

    /** The buyer accepts a DELIVERED order before its return window ends: escrow is released. */
    Idempotent<OrderView> complete(OrderActor buyer, UUID orderId, IdempotencyKey key, String fingerprint);
}
