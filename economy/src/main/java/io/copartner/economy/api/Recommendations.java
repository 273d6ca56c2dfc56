package io.copartner.economy.api;

import io.copartner.kernel.id.PartyId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recommendations from a partner's own purchase history and co-purchases, only with consent (issue 12 item 7).
 * Consent is off by default. While it is on, the partner's purchases (product, units, order) form a derived profile;
 * co-purchases are counted only among consenting partners' profiles and shown only when at least
 * {@code minCoBuyers} distinct other partners share them, so no list reveals what one other person bought.
 * Withdrawing consent deletes the profile in the same transaction. Every change of consent is an
 * {@code economy.consent} audit entry. Errors are {@link io.copartner.kernel.problem.ProblemException}s.
 */
public interface Recommendations {

    /** The purposes a partner can consent to; today only recommendations. */
    String RECOMMENDATIONS = "recommendations";

    /** The partner's consents (never given: off, with no time and no audit entry). */
    ConsentView consents(PartyId partner);

    /**
     * Turns the recommendations consent on or off. Granting builds the profile from the partner's order history;
     * withdrawing deletes it. Setting what is already set changes nothing and writes no audit entry (so a retried
     * PUT is harmless without an Idempotency-Key).
     */
    ConsentView setRecommendations(PartyId partner, boolean granted);

    /**
     * Up to {@code limit} products the partner has not bought, each with why: {@code consent-required} (403) without
     * consent.
     */
    RecommendationList recommend(PartyId partner, int limit);

    /**
     * @param updatedAt   when it last changed (null if never)
     * @param auditEntryId the id of that change's audit entry (null if never; its leaf index follows once sequenced)
     * @param profileSize the products in the derived profile now (0 without consent)
     */
    record ConsentView(boolean recommendations, Instant updatedAt, Long auditEntryId, int profileSize) {
    }

    /** {@code basedOn}: how many of the partner's own products the list was derived from. */
    record RecommendationList(List<Recommendation> items, int basedOn, Instant generatedAt) {
    }

    /**
     * One product with its reason: {@code CO_PURCHASED} ({@code coBuyers} other consenting partners bought both it
     * and {@code because}) or {@code SAME_MERCHANT} (more from the merchant of {@code because}, coBuyers 0).
     * {@code explanation} says it in English; clients localise from the structured fields.
     */
    record Recommendation(UUID productId, String name, String merchantId, String category, List<PriceTag> prices,
                          String reason, UUID becauseProductId, String becauseName, int coBuyers,
                          String explanation) {
    }

    /** A price in minor units of an ISO 4217 currency. */
    record PriceTag(String currency, long amount) {
    }
}
