package io.copartner.economy.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fraud flag on an order: the pattern ({@code fake-orders}, {@code referral-ring}), the reasons in words, and the
 * admin's decision. status OPEN (rewards withheld), CLEARED (granted), CONFIRMED (forfeited).
 */
public record FraudFlagView(UUID id, UUID orderId, String partner, String pattern, List<String> reasons,
                            String status, Instant createdAt, String decidedBy, Instant decidedAt) {
}
