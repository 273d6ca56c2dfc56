package io.copartner.economy.api.event;

import java.time.Instant;

/**
 * Fired synchronously inside the transaction in which a settlement period's last payout is paid and the period
 * becomes CLOSED: the transparency report is built and audited in it.
 */
public record PeriodSettled(String periodId, Instant start, Instant end, Instant at) {
}
