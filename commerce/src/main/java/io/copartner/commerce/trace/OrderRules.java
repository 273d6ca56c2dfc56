package io.copartner.commerce.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pinned order rules of one event for one subject it names: a serialised item is commissioned first (an
 * {@code ObjectEvent ADD commissioning}, or the outputs of a commissioning {@code TransformationEvent}), nothing
 * follows its decommissioning, a logistic unit exists once an {@code AggregationEvent ADD} names it as parent, and
 * no event time lies before the subject's latest event (equal is fine) or more than 5 minutes in the future.
 * The answer is the reason for refusing, empty when the event may be applied.
 */
public final class OrderRules {

    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private OrderRules() {
    }

    /** The check that does not depend on any subject. */
    public static Optional<String> time(EpcisEvent e, Instant now) {
        if (e.eventTime().toInstant().isAfter(now.plus(FUTURE_SKEW))) {
            return Optional.of("eventTime " + e.eventTime() + " is more than 5 minutes in the future");
        }
        return Optional.empty();
    }

    /**
     * @param state the subject as stored (and as earlier events of the same document left it), null if never seen
     * @param field where the event names it ({@code epcList}, {@code parentID}, ... or {@code contained} for an item
     *              inside a logistic unit the event names)
     */
    public static Optional<String> check(Epc epc, String field, SubjectState state, EpcisEvent e) {
        String who = epc.key();
        if (state == null) {
            return switch (epc.kind()) {
                case ITEM -> creates(epc, field, e) ? Optional.empty()
                    : Optional.of(who + " was never commissioned (an ObjectEvent ADD with bizStep commissioning "
                        + "comes first)");
                case SSCC -> "AggregationEvent".equals(e.type()) && "ADD".equals(e.action()) && field.equals("parentID")
                    ? Optional.empty()
                    : Optional.of("the logistic unit " + who + " does not exist (an AggregationEvent ADD creates it)");
                case BATCH -> Optional.empty();
            };
        }
        if (state.decommissioned()) {
            return Optional.of(who + " was decommissioned: nothing may follow");
        }
        if (epc.kind() == Epc.Kind.ITEM && creates(epc, field, e)) {
            return Optional.of(who + " is already commissioned");
        }
        Instant latest = state.latestEventTime();
        if (latest != null && e.eventTime().toInstant().isBefore(latest)) {
            return Optional.of("eventTime " + e.eventTime() + " is before the latest event of " + who + " (" + latest + ")");
        }
        return Optional.empty();
    }

    /** True when this event brings the item into existence. */
    public static boolean creates(Epc epc, String field, EpcisEvent e) {
        if (epc.kind() != Epc.Kind.ITEM) {
            return false;
        }
        return (e.commissioning() && field.equals("epcList"))
            || ("TransformationEvent".equals(e.type()) && "commissioning".equals(e.bizStepName())
                && field.equals("outputEPCList"));
    }
}
