package io.copartner.ledger.audit;

import io.copartner.ledger.chain.AnchoredEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Decides which anchors the chain holds that the database has not recorded: every {@code Anchored} event above
 * the newest recorded size whose root is the root of our own checkpoint at that size. An event whose root is not
 * ours (or for a size we never signed) is never recorded: it is reported, because it means the contract was
 * written by someone else with our key or the database was reset under a chain that kept its state.
 */
final class Reconciliation {

    private Reconciliation() {
    }

    /** {@code toRecord} oldest first; {@code foreign} are the events above the recorded size that are not ours. */
    record Plan(List<AnchoredEvent> toRecord, List<AnchoredEvent> foreign) {
    }

    static Plan plan(List<AnchoredEvent> events, long recordedSize, LongFunction<Optional<byte[]>> checkpointRoot) {
        List<AnchoredEvent> toRecord = new ArrayList<>();
        List<AnchoredEvent> foreign = new ArrayList<>();
        long last = recordedSize;
        for (AnchoredEvent e : events.stream().sorted(Comparator.comparingLong(AnchoredEvent::treeSize)).toList()) {
            if (e.treeSize() <= last) {
                continue; // recorded already (or a duplicate log line for the same size)
            }
            Optional<byte[]> ours = checkpointRoot.apply(e.treeSize());
            if (ours.isPresent() && Arrays.equals(ours.get(), e.root())) {
                toRecord.add(e);
                last = e.treeSize();
            } else {
                foreign.add(e);
            }
        }
        return new Plan(List.copyOf(toRecord), List.copyOf(foreign));
    }
}
