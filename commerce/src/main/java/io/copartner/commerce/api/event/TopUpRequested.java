package io.copartner.commerce.api.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the transaction that starts a wallet top-up, after it is validated and before it
 * is stored. An observer that throws a {@code ProblemException} refuses the top-up with it (the economy's velocity
 * limit answers 429).
 *
 * @param owner the party id whose wallet is topped up
 */
public record TopUpRequested(UUID topUpId, String owner, String currency, long amount, Instant requestedAt) {
}
