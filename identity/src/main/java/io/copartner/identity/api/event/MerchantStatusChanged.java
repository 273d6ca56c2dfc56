package io.copartner.identity.api.event;

import java.time.Instant;

/**
 * Fired synchronously (CDI) inside the transaction of every recorded merchant step (created, verified, suspended,
 * reinstated, roles changed) with the status after it: PENDING, VERIFIED or SUSPENDED. Commerce hides a suspended
 * merchant's products in the same transaction. An observer that throws rolls the step back.
 */
public record MerchantStatusChanged(String merchantId, String did, String status, Instant at) {
}
