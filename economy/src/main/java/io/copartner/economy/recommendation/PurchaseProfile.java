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
        save(e.buyer(), e.orderId(), e.merchantId(), e.placedAt(), e.lines().stream()
            .map(l -> Map.entry(l.productId(), (long) l.quantity())).toList());
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
        save(e.buyer(), e.orderId(), e.merchantId(), e.settledAt(), e.lines().stream()
            .map(l -> Map.entry(l.productId(), (long) l.quantity() - l.refundedQuantity())).toList());
    }

    /** The order's units per product (an order may hold a product on several lines), as the profile keeps them. */
    private void save(String buyer, UUID orderId, String merchantId, java.time.Instant at,
                      java.util.List<Map.Entry<UUID, Long>> lines) {
        Map<UUID, Long> units = new HashMap<>();
        lines.forEach(l -> units.merge(l.getKey(), l.getValue(), Long::sum));
        units.forEach((product, n) -> store.setUnits(buyer, orderId, product, merchantId, n, at));
    }

    private boolean consents(String buyer) {
        return store.consent(buyer, Recommendations.RECOMMENDATIONS).map(RecommendationStore.Consent::granted)
            .orElse(false);
    }
}
