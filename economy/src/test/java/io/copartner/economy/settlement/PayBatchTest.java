package io.copartner.economy.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** copartner.settlement.pay-batch: a positive size is taken as is; 0 or less refuses the start-up with its name. */
class PayBatchTest {

    @Test
    void aPositiveBatchIsTaken() {
        assertEquals(1, PeriodClose.validPayBatch(1));
        assertEquals(200, PeriodClose.validPayBatch(200));
    }

    @Test
    void zeroOrLessIsRefusedNamingTheSetting() {
        for (int bad : new int[] {0, -5}) {
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
}
