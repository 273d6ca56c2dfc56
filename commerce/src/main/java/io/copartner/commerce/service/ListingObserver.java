package io.copartner.commerce.service;

import io.copartner.commerce.api.event.ProductListed;
import io.copartner.commerce.domain.Product;
import io.copartner.commerce.persistence.CatalogueStore;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.event.ProposalExecuted;
import io.copartner.identity.api.event.MerchantStatusChanged;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Reactions to other modules' events, inside their transactions (DESIGN.md §1): an executed {@code PRODUCT_LISTING}
 * proposal lists the product its {@code productRef} names (the product id), and a merchant's status change hides or
 * shows its products in browse.
 */
@ApplicationScoped
public class ListingObserver {

    private static final Logger LOG = Logger.getLogger(ListingObserver.class.getName());

    @Inject
    CatalogueStore store;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ProductListed> listed;

    /**
     * Lists an awaiting product. A reference that names no product of this platform, a product of another merchant
     * than the proposal's, or a product already live changes nothing: the proposal's execution stands (it is
     * governance's decision, already recorded) and a wrong reference must not block it forever.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onExecuted(@Observes ProposalExecuted e) {
        if (e.kind() != ProposalKind.PRODUCT_LISTING || e.productRef() == null) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(e.productRef().trim());
        } catch (IllegalArgumentException notAnId) {
            LOG.info(() -> "Listing proposal " + e.proposal() + " names no product id: " + e.productRef());
            return;
        }
        Optional<Product> found = store.lock(id);
        if (found.isEmpty()) {
            LOG.info(() -> "Listing proposal " + e.proposal() + " names an unknown product " + id);
            return;
        }
        Product p = found.get();
        if (e.merchantDid() != null && !e.merchantDid().equals(p.merchantDid())) {
            LOG.info(() -> "Listing proposal " + e.proposal() + " is for " + e.merchantDid() + ", product " + id
                + " is " + p.merchantDid() + "'s");
            return;
        }
        if (!p.status().approvable()) {
            return;
        }
        java.time.Instant at = e.executedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        store.list(id, e.proposal(), at);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("productId", id.toString());
        payload.put("merchantId", p.merchantId());
        payload.put("proposal", e.proposal().toString());
        payload.put("status", p.status().approved().name());
        audit.record("commerce.product.listed", CatalogueService.subject(id), at, payload);
        listed.fire(new ProductListed(id, p.merchantId(), p.merchantDid(), e.proposal(), e.coCreators().stream()
            .map(c -> new ProductListed.CoCreator(c.did(), c.party(), c.shareBps())).toList(), at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onMerchantStatus(@Observes MerchantStatusChanged e) {
        boolean suspended = "SUSPENDED".equals(e.status());
        int changed = store.setMerchantSuspended(e.merchantId(), suspended);
        if (changed > 0) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("merchantId", e.merchantId());
            payload.put("products", changed);
            payload.put("hidden", suspended);
            audit.record(suspended ? "commerce.merchant-products.hidden" : "commerce.merchant-products.shown",
                "merchant:" + e.merchantId(), e.at(), payload);
        }
    }
}
