package io.copartner.commerce.payment;

import java.time.Instant;
import java.util.Map;

/**
 * A payment rail that confirms top-ups by a signed webhook. The configured one ({@code copartner.payment.provider},
 * default {@code sandbox}) receives every webhook at {@code /api/v1/payments/{name}/webhook}; a real provider is one
 * more implementation of this interface, selected by that name.
 */
public interface PaymentProvider {

    /** The name in the webhook path and in the top-up record. */
    String name();

    /**
     * Verifies a webhook (signature, timestamp) and reads it; throws the {@code webhook-*} problems or
     * {@code malformed-request}. Header names are lower-case. Pure: no state is read or written.
     */
    PaymentEvent verify(Map<String, String> headers, byte[] body, Instant now);

    /** A confirmed payment for one top-up, as the provider's event says it. */
    record PaymentEvent(String eventId, String topUpId, String currency, long amount, Instant signedAt) {
    }
}
