package io.copartner.commerce.service;

import io.copartner.commerce.api.CheckoutDiscounts;
import io.copartner.commerce.api.PointsToRedeem;
import io.copartner.commerce.domain.PointsDiscount;
import io.copartner.commerce.persistence.DiscountStore;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The money side of points discounts at checkout: which brands' points the cart asks to use, the call to whoever
 * keeps points ({@link CheckoutDiscounts}, optional: without it a redemption is refused), and giving the points back
 * on a refund or cancellation. The points side posts in the same transaction as the order.
 */
@ApplicationScoped
public class CheckoutRedemptions {

    static final int MAX_BRANDS = 50;

    @Inject
    Instance<CheckoutDiscounts> discounts;

    @Inject
    DiscountStore store;

    /** brand → points asked, each brand once, each one of the cart's merchants; empty when none asked. */
    static Map<String, Long> asked(List<PointsToRedeem> redeem, Collection<String> merchants) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (redeem == null || redeem.isEmpty()) {
            return out;
        }
        if (redeem.size() > MAX_BRANDS) {
            throw ProblemException.badRequest("redeemPoints: at most " + MAX_BRANDS + " brands");
        }
        for (PointsToRedeem r : redeem) {
            if (r == null || r.brand() == null || r.brand().isBlank()) {
                throw ProblemException.badRequest("redeemPoints: every item needs a brand (a merchant id)");
            }
            if (r.points() == null || r.points() < 1) {
                throw ProblemException.badRequest("redeemPoints: points must be a positive whole number");
            }
            if (!merchants.contains(r.brand())) {
                throw ProblemException.badRequest("redeemPoints: brand " + r.brand()
                    + " has no lines in this cart; a brand's points pay only for its own goods");
            }
            if (out.put(r.brand(), r.points()) != null) {
                throw ProblemException.badRequest("redeemPoints: brand " + r.brand() + " is named twice");
            }
        }
        return out;
    }

    /** Takes the points for one order; the discount as recorded on the order (after the order row exists). */
    CheckoutDiscounts.Redemption redeem(CheckoutDiscounts.Request request) {
        if (discounts.isUnsatisfied()) {
            throw ProblemException.badRequest("redeemPoints: points redemption is not available on this platform");
        }
        CheckoutDiscounts.Redemption r = discounts.get().redeem(request);
        if (r.points() < 1 || r.points() > request.points() || r.discount() != r.points() * r.minorPerPoint()
            || r.discount() > request.linesTotal()) {
            throw new IllegalStateException("the points side answered an impossible redemption: " + r);
        }
        return r;
    }

    void record(UUID orderId, String brand, CheckoutDiscounts.Redemption r) {
        store.insert(orderId, new PointsDiscount(brand, r.points(), r.minorPerPoint(), 0), r.ledgerEntryId(),
            r.auditEntryId());
    }

    PointsDiscount of(UUID orderId) {
        return store.of(orderId).orElse(PointsDiscount.NONE);
    }

    void checkoutDiscount(UUID checkoutId, long discount) {
        store.checkoutDiscount(checkoutId, discount);
    }

    long checkoutDiscount(UUID checkoutId) {
        return store.checkoutDiscount(checkoutId);
    }

    /** Gives {@code points} back to the buyer and records it on the order; nothing for 0. */
    void giveBack(UUID orderId, long points, String why, Instant at) {
        if (points <= 0) {
            return;
        }
        discounts.get().restore(orderId, points, why, at);
        store.restored(orderId, points);
    }
}
