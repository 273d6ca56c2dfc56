package io.copartner.ledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.ledger.chain.AnchoredEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    static byte[] root(int b) {
        byte[] r = new byte[32];
        r[0] = (byte) b;
        return r;
    }

    static AnchoredEvent event(long size, int rootByte) {
        return new AnchoredEvent(size, root(rootByte), "0x" + Long.toHexString(size), 100 + size);
    }

    /** Our checkpoints: size 3 -> root 3, 7 -> root 7, 9 -> root 9. */
    static Optional<byte[]> ours(long size) {
        return Optional.ofNullable(Map.of(3L, root(3), 7L, root(7), 9L, root(9)).get(size));
    }

    @Test
    void recordsWhatIsAboveTheRecordedSizeOldestFirst() {
        var plan = Reconciliation.plan(List.of(event(9, 9), event(3, 3), event(7, 7)), 3, ReconciliationTest::ours);
        assertEquals(List.of(7L, 9L), plan.toRecord().stream().map(AnchoredEvent::treeSize).toList());
        assertTrue(plan.foreign().isEmpty());
    }

    @Test
    void nothingWhenEverythingIsRecorded() {
        var plan = Reconciliation.plan(List.of(event(3, 3), event(7, 7)), 7, ReconciliationTest::ours);
        assertTrue(plan.toRecord().isEmpty());
        assertTrue(plan.foreign().isEmpty());
    }

    @Test
    void aRootThatIsNotOursOrASizeWeNeverSignedIsNeverRecorded() {
        var plan = Reconciliation.plan(List.of(event(7, 99), event(8, 8), event(9, 9)), 3, ReconciliationTest::ours);
        assertEquals(List.of(9L), plan.toRecord().stream().map(AnchoredEvent::treeSize).toList());
        assertEquals(List.of(7L, 8L), plan.foreign().stream().map(AnchoredEvent::treeSize).toList());
    }

    @Test
    void aRepeatedLogLineForOneSizeIsRecordedOnce() {
        var plan = Reconciliation.plan(List.of(event(7, 7), event(7, 7)), 0, ReconciliationTest::ours);
        assertEquals(1, plan.toRecord().size());
    }
}
