package io.copartner.commerce.api;

import io.copartner.kernel.id.PartyId;

/**
 * Who asks for an order step: the caller's party id and whether its token has the admin role (buyers and merchants
 * are recognised by the order itself: the buyer's party id, the merchant's users).
 */
public record OrderActor(PartyId party, boolean admin) {
}
