package io.copartner.commerce.api.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the transaction that releases an order's escrow: completion (buyer confirmation
 * or the end of the return window, {@code status} COMPLETED) or a refund ({@code status} REFUNDED, which releases
 * the kept part at once). The release entry is already posted; an observer that throws rolls the release back.
 *
 * @param total                     the lines at their prices (a points discount does not change it)
 * @param refunded                  the lines' amount of the refunded units
 * @param kept                      total − refunded: the sale's value on which fee and pool are taken
 * @param discountKept              the points discount on the kept units: the brand funds it, so the merchant's part
 *                                  is the kept amount less fee, pool and this (0 without a redemption)
 * @param merchantAmount            what went to the merchant's receivable (after {@code discountKept})
 * @param merchantReceivableAccount the ledger account the merchant's part went to (null when that part was 0)
 * @param lines                     every line with the quantity refunded (0 when completed)
 */
public record OrderSettled(UUID orderId, String status, String buyer, String merchantId, String merchantDid,
                           String asset, long total, long refunded, long kept, long discountKept, long merchantAmount, long platformFee,
                           long partnerPool, UUID merchantReceivableAccount, UUID releaseEntryId,
                           List<SettledLine> lines, Instant settledAt) {

    /** A line as settled: the quantity bought, the quantity refunded, and the amount kept (unit price × kept units). */
    public record SettledLine(int lineNo, UUID productId, int quantity, int refundedQuantity, long unitPrice,
                              long keptAmount) {
    }
}
