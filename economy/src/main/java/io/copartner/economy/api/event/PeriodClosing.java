package io.copartner.economy.api.event;

import java.time.Instant;

/**
 * Fired synchronously inside the transaction in which an ended period becomes CLOSING (its pool allocated): from
 * then on nothing more is booked into it, so what it accrued can be paid out (co-creators' shares) in the same
 * transaction, before the period settles and its report is built.
 */
public record PeriodClosing(String periodId, Instant start, Instant end, Instant at) {
}
