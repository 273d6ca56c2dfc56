package io.copartner.economy.points;

import io.copartner.commerce.api.event.OrderPlaced;
import io.copartner.commerce.api.event.OrderSettled;
import io.copartner.commerce.api.event.ReviewPosted;
import io.copartner.economy.api.OrderHolds;
import io.copartner.economy.api.event.CommissionEarned;
import io.copartner.economy.api.event.OrderHoldReleased;
import io.copartner.economy.points.PointsStore.Withheld;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The earn rules, inside the transaction of the event that earns (a grant commits with the release, the review or
 * the commission): a settled purchase earns ⌊kept × purchaseRewardBps / 10000⌋ points of the merchant's brand, a
 * verified review {@code reviewRewardPoints}, a converting share (a level-1 commission) {@code shareRewardPoints},
 * each from the policy in force at the event. A flagged order's rewards wait until an admin clears it.
 */
@ApplicationScoped
public class PointsObserver {

    static final String PURCHASE = "PURCHASE";
    static final String REVIEW = "REVIEW";
    static final String SHARE = "SHARE";

    @Inject
    PointsService points;

    @Inject
    PointsStore store;

    @Inject
    RevenuePolicies policies;

    @Inject
    OrderHolds holds;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    void onPlaced(@Observes OrderPlaced e) {
        store.rememberOrder(e.orderId(), e.merchantId(), e.buyer());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onSettled(@Observes OrderSettled e) {
        RevenuePolicy p = policies.inForceAt(e.settledAt()).policy();
        // Earned on what was paid in money: the part paid with points earns nothing.
        long amount = PointsRules.purchaseReward(e.kept() - e.discountKept(),
            p.purchaseRewardBps() == null ? 0 : p.purchaseRewardBps());
        earn(e.orderId(), e.buyer(), e.merchantId(), PURCHASE, e.orderId().toString(), amount, e.settledAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onReview(@Observes ReviewPosted e) {
        Long amount = policies.inForceAt(e.postedAt()).policy().reviewRewardPoints();
        earn(e.orderId(), e.author(), e.merchantId(), REVIEW, e.reviewId().toString(), amount == null ? 0 : amount,
            e.postedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCommission(@Observes CommissionEarned e) {
        if (e.level() != 1 || e.amount() <= 0) {
            return;
        }
        Long amount = policies.inForceAt(e.at()).policy().shareRewardPoints();
        store.brandOfOrder(e.orderId()).ifPresent(brand -> earn(e.orderId(), e.referrer(), brand, SHARE,
            e.orderId().toString(), amount == null ? 0 : amount, e.at()));
    }

    /** Cleared: what was withheld is granted now; confirmed fraud: it is dropped, and the drop audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onHoldReleased(@Observes OrderHoldReleased e) {
        List<Withheld> withheld = store.takeWithheld(e.orderId());
        for (Withheld w : withheld) {
            if (e.confirmed()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("orderId", e.orderId().toString());
                p.put("holder", w.holder());
                p.put("asset", PointsBook.asset(w.brand()));
                p.put("amount", Long.toString(w.amount()));
                p.put("reason", w.reason());
                audit.record("economy.points.forfeited", "points:" + w.brand(), e.at(), p);
            } else {
                points.grant(w.holder(), w.brand(), w.reason(), w.source(), w.amount(), e.at());
            }
        }
    }

    private void earn(UUID orderId, String holder, String brand, String reason, String source, long amount,
                      Instant at) {
        if (amount <= 0 || holder == null || brand == null) {
            return;
        }
        if (holds.withheld(orderId)) {
            store.withhold(new Withheld(reason, source, holder, brand, amount), orderId, at);
            return;
        }
        points.grant(holder, brand, reason, source, amount, at);
    }
}
