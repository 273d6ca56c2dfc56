package io.copartner.commerce.api.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the checkout transaction, once per order the checkout made, after the order, its
 * lines and the payment entry are written. An observer that throws a {@code ProblemException} rolls the whole
 * checkout back with that problem (nothing charged): the economy uses this for velocity limits and to freeze the
 * referral attribution and commission rates on the order.
 *
 * @param buyer        the buyer's party id ({@code party:...})
 * @param referralCode the share-link code the buyer arrived through (the checkout's {@code referralCode} or the
 *                     attribution cookie), or null
 */
public record OrderPlaced(UUID orderId, UUID checkoutId, String buyer, String merchantId, String merchantDid,
                          String asset, long total, int policyVersion, List<PlacedLine> lines, String referralCode,
                          Instant placedAt) {

    /** One order line as placed: {@code amount} = unit price × quantity, in minor units of the order's asset. */
    public record PlacedLine(int lineNo, UUID productId, int productVersion, int quantity, long unitPrice,
                             long amount) {
    }
}
