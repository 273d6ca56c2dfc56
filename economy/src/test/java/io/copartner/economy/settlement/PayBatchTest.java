package io.copartner.economy.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * copartner.settlement.pay-batch: 1..99 is taken as is; anything else refuses the start-up with its name. So do
 * pay-entries outside 1..100 and allocate-chunk outside 1..100000.
 */
class PayBatchTest {

    @Test
    void aPositiveBatchIsTaken() {
        assertEquals(1, PeriodClose.validPayBatch(1));
        assertEquals(99, PeriodClose.validPayBatch(99));
    }

    @Test
    void outsideOneToNinetyNineIsRefusedNamingTheSetting() {
        for (int bad : new int[] {0, -5, 100, 200}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PeriodClose.validPayBatch(bad));
            assertTrue(e.getMessage().contains("COPARTNER_SETTLEMENT_PAY_BATCH"), e.getMessage());
            assertTrue(e.getMessage().contains(Integer.toString(bad)), e.getMessage());
        }
    }

    @Test
    void theSchedulerChecksTheBatchBeforeItsFirstTick() {
        PeriodClose close = new PeriodClose();
        close.payBatch = 0;
        SettlementScheduler scheduler = new SettlementScheduler();
        scheduler.close = close;
        assertThrows(IllegalStateException.class, () -> scheduler.onStart(null));
    }

    @Test
    void payEntriesAndAllocateChunkOutsideTheirRangesAreRefusedNamingTheSetting() {
        PeriodClose close = new PeriodClose();
        close.payBatch = 99;
        close.payEntries = 20;
        close.allocateChunk = 20_000;
        close.checkPayBatch();
        for (int bad : new int[] {0, -1, 101}) {
            close.payEntries = bad;
            IllegalStateException e = assertThrows(IllegalStateException.class, close::checkPayBatch);
            assertTrue(e.getMessage().contains("COPARTNER_SETTLEMENT_PAY_ENTRIES"), e.getMessage());
        }
        close.payEntries = 100;
        for (int bad : new int[] {0, 100_001}) {
            close.allocateChunk = bad;
            IllegalStateException e = assertThrows(IllegalStateException.class, close::checkPayBatch);
            assertTrue(e.getMessage().contains("COPARTNER_SETTLEMENT_ALLOCATE_CHUNK"), e.getMessage());
        }
    }
}
