package io.copartner.commerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The order state machine, the escrow split and review texts. */
class OrderDomainTest {

    @Test
    void ordersMoveOnlyForward() {
        assertTrue(OrderStatus.PAID.mayMoveTo(OrderStatus.SHIPPED));
        assertTrue(OrderStatus.PAID.mayMoveTo(OrderStatus.CANCELED));
        assertFalse(OrderStatus.SHIPPED.mayMoveTo(OrderStatus.CANCELED), "no cancel after shipping");
        assertTrue(OrderStatus.DELIVERED.mayMoveTo(OrderStatus.REFUNDED));
        assertFalse(OrderStatus.PAID.mayMoveTo(OrderStatus.REFUNDED), "refunds only after delivery");
        for (OrderStatus end : new OrderStatus[] {OrderStatus.COMPLETED, OrderStatus.CANCELED, OrderStatus.REFUNDED}) {
            assertTrue(end.next().isEmpty(), end + " is final");
        }
    }

    @Test
    void theSplitAlwaysSumsToTheAmountReleased() {
        EscrowSplit s = EscrowSplit.of(13600, 500, 1000);
        assertEquals(new EscrowSplit(11560, 680, 1360), s);
        for (long amount : new long[] {0, 1, 7, 99, 10001, 123457, Long.MAX_VALUE / 2}) {
            for (int fee : new int[] {0, 1, 333, 500, 10000}) {
                EscrowSplit x = EscrowSplit.of(amount, fee, Math.min(700, 10000 - fee));
                assertEquals(amount, x.total());
                assertTrue(x.merchant() >= 0 && x.platformFee() >= 0 && x.partnerPool() >= 0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> EscrowSplit.of(1, 6000, 5000));
        assertThrows(IllegalArgumentException.class, () -> EscrowSplit.of(-1, 0, 0));
    }

    @Test
    void reviewTextsAreNfcTrimmedLimitedAndHashed() {
        ReviewText t = ReviewText.of("  Tre\u0301s bon  ", 10, "text");
        assertEquals("Tr\u00e9s bon", t.value());
        assertEquals(ReviewText.of("Tr\u00e9s bon", 10, "text").sha256(), t.sha256(), "same words, same hash");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".length(), t.sha256().length());
        assertEquals(10, ReviewText.of("\uD83C\uDF75".repeat(10), 10, "text").value().codePointCount(0, 20),
            "limits count characters, not UTF-16 units");
        assertThrows(IllegalArgumentException.class, () -> ReviewText.of("x".repeat(11), 10, "text"));
        assertThrows(IllegalArgumentException.class, () -> ReviewText.of("   ", 10, "text"));
        assertThrows(IllegalArgumentException.class, () -> ReviewText.of(null, 10, "text"));
        assertThrows(IllegalArgumentException.class, () -> ReviewText.of("a\u0000b", 10, "text"));
        assertEquals("line one\nline two", ReviewText.of("line one\nline two", 20, "text").value());
    }
}
