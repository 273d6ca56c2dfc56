package io.copartner.economy.recommendation;

import io.copartner.commerce.api.event.OrderCanceled;
import io.copartner.commerce.api.event.OrderPlaced;
import io.copartner.commerce.api.event.OrderSettled;
import io.copartner.economy.api.Recommendations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps a consenting partner's derived profile in step with their orders, in the order's own transaction: a
 * placement adds its products, a cancellation removes them, a settlement sets the units net of refunds (which also
 * catches an order placed while consent was being given). Partners without consent cost one indexed read.
 */
@ApplicationScoped
public class PurchaseProfile {

    @Inject
    RecommendationStore store;

    @Transactional(Transactional.TxType.MANDATORY)
    void onPlaced(@Observes OrderPlaced e) {
        if (!consents(e.buyer())) {
            return;
        }
        Map<UUID, Long> units = new HashMap<>();
        e.lines().forEach(l -> units.merge(l.productId(), (long) l.quantity(), Long::sum));
        units.forEach((product, n) -> store.setUnits(e.buyer(), e.orderId(), product, e.merchantId(), n, e.placedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCanceled(@Observes OrderCanceled e) {
        if (consents(e.buyer())) {
            store.deleteOrder(e.buyer(), e.orderId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onSettled(@Observes OrderSettled e) {
        if (!consents(e.buyer())) {
            return;
        }
        Map<UUID, Long> units = new HashMap<>();
        e.lines().forEach(l -> units.merge(l.productId(), (long) l.quantity() - l.refundedQuantity(), Long::sum));
        units.forEach((product, n) -> store.setUnits(e.buyer(), e.orderId(), product, e.merchantId(), n,
            e.settledAt()));
    }

    private boolean consents(String buyer) {
        return store.consent(buyer, Recommendations.RECOMMENDATIONS).map(RecommendationStore.Consent::granted)
            .orElse(false);
    }
}
