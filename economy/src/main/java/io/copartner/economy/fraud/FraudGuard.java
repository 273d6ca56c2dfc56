package io.copartner.economy.fraud;

import io.copartner.commerce.api.OrderActor;
import io.copartner.commerce.api.OrderView;
import io.copartner.commerce.api.Orders;
import io.copartner.commerce.api.event.OrderPlaced;
import io.copartner.commerce.api.event.ReviewPosted;
import io.copartner.commerce.api.event.TopUpRequested;
import io.copartner.economy.api.event.ReferralRefused;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fraud defences inside commerce's transactions: velocity limits per partner per hour on orders, reviews and
 * top-ups (over the limit the change is refused with 429 and {@code Retry-After}, nothing written); the 刷单 pattern
 * on a review (the same buyer's repeated small orders at the same merchant, confirmed at once after shipping, then
 * reviewed) and refused referral attributions (self-referral, cycles: possible rings) raise a flag on the order.
 */
@ApplicationScoped
public class FraudGuard {

    static final Duration HOUR = Duration.ofHours(1);

    @Inject
    FraudStore store;

    @Inject
    FraudLimits limits;

    @Inject
    Orders orders;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    void onPlaced(@Observes OrderPlaced e) {
        limit(e.buyer(), "orders", e.placedAt());
        store.addOrder(e.orderId(), e.buyer(), e.merchantId(), e.asset(), e.total(), e.placedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onTopUp(@Observes TopUpRequested e) {
        limit(e.owner(), "top-ups", e.requestedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onReview(@Observes ReviewPosted e) {
        limit(e.author(), "reviews", e.postedAt());
        fakeOrders(e).ifPresent(reasons -> flag(e.orderId(), e.author(), "fake-orders", reasons, e.postedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onReferralRefused(@Observes ReferralRefused e) {
        flag(e.orderId(), e.buyer(), "referral-ring", List.of("the share link's owner " + e.linkOwner()
            + ("self-referral".equals(e.reason()) ? " is the buyer (self-referral)"
                : " is referred, directly or not, by the buyer (a cycle in the referral graph)")), e.at());
    }

    /** Counts this event of the partner, or refuses it with 429 when the hour's limit is reached. */
    void limit(String partner, String kind, Instant now) {
        int perHour = limits.perHour(kind);
        store.lock(partner, kind);
        store.prune(partner, kind, now.minus(HOUR));
        long wait = Velocity.retryAfter(store.activity(partner, kind, now.minus(HOUR)), perHour, HOUR, now);
        if (wait > 0) {
            throw new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS, "at most " + perHour + " " + kind
                + " per partner per hour; retry after " + wait + " s").withExtension("retryAfterSeconds", wait));
        }
        store.addActivity(partner, kind, now);
    }

    /** The reasons this review completes the 刷单 pattern, if it does. */
    Optional<List<String>> fakeOrders(ReviewPosted e) {
        Optional<FraudStore.PlacedOrder> placed = store.order(e.orderId());
        if (placed.isEmpty()) {
            return Optional.empty();
        }
        long maxTotal = limits.number("copartner.fraud.fake-orders.max-total", 5000);
        long repeats = limits.number("copartner.fraud.fake-orders.repeats", 3);
        long hours = limits.number("copartner.fraud.fake-orders.window-hours", 24);
        long instantSeconds = limits.number("copartner.fraud.fake-orders.instant-confirm-seconds", 600);
        FraudStore.PlacedOrder o = placed.get();
        if (o.total() > maxTotal) {
            return Optional.empty();
        }
        List<FraudStore.PlacedOrder> pair = store.smallOrders(o.buyer(), o.merchantId(), maxTotal,
            e.postedAt().minus(Duration.ofHours(hours)));
        if (pair.size() < repeats) {
            return Optional.empty();
        }
        Optional<OrderView> view = orders.order(new OrderActor(PartyId.PLATFORM, true), e.orderId());
        if (view.isEmpty() || view.get().shippedAt() == null || view.get().deliveredAt() == null) {
            return Optional.empty();
        }
        long confirmedAfter = Duration.between(view.get().shippedAt(), view.get().deliveredAt()).toSeconds();
        if (confirmedAfter > instantSeconds) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(pair.size() + " orders of at most " + maxTotal + " minor units by the same buyer at merchant "
            + o.merchantId() + " within " + hours + " h");
        reasons.add("delivery confirmed " + confirmedAfter + " s after shipping (instant confirmation)");
        reasons.add("reviewed (rating " + e.rating() + ")");
        return Optional.of(reasons);
    }

    void flag(UUID orderId, String partner, String pattern, List<String> reasons, Instant at) {
        if (store.hasFlag(orderId)) {
            return; // one flag per order: the first pattern seen stands
        }
        UUID id = Ids.newId();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("flagId", id.toString());
        p.put("orderId", orderId.toString());
        p.put("pattern", pattern);
        p.put("reasons", reasons);
        AuditReceipt r = audit.record("economy.fraud.flagged", "order:" + orderId, at, p);
        store.insertFlag(new FraudStore.Flag(0, id, orderId, partner, pattern, String.join("\n", reasons), "OPEN", at,
            null, null, r.entryId()));
    }
}
