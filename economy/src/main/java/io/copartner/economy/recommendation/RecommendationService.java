package io.copartner.economy.recommendation;

import io.copartner.commerce.api.Catalogue;
import io.copartner.commerce.api.OrderActor;
import io.copartner.commerce.api.OrderLineView;
import io.copartner.commerce.api.OrderPage;
import io.copartner.commerce.api.OrderView;
import io.copartner.commerce.api.Orders;
import io.copartner.commerce.api.ProductQuery;
import io.copartner.commerce.api.ProductView;
import io.copartner.economy.api.Recommendations;
import io.copartner.economy.recommendation.RecommendationStore.Consent;
import io.copartner.economy.recommendation.RecommendationStore.Purchase;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Consents and the recommendations derived under them (see {@link Recommendations}). */
@ApplicationScoped
public class RecommendationService implements Recommendations {

    static final String AUDIT_TYPE = "economy.consent";
    static final int MAX_LIMIT = 50;

    @Inject
    RecommendationStore store;

    @Inject
    AuditTrail audit;

    @Inject
    Orders orders;

    @Inject
    Catalogue catalogue;

    @Inject
    @ConfigProperty(name = "copartner.recommendations.min-co-buyers", defaultValue = "2")
    int minCoBuyers;

    @Override
    @Transactional
    public ConsentView consents(PartyId partner) {
        return view(partner.value(), store.consent(partner.value(), RECOMMENDATIONS), null);
    }

    @Override
    @Transactional
    public ConsentView setRecommendations(PartyId partner, boolean granted) {
        String party = partner.value();
        store.lockParty(party);
        Optional<Consent> now = store.consent(party, RECOMMENDATIONS);
        if (now.map(Consent::granted).orElse(false) == granted) {
            return view(party, now, null); // nothing changes, nothing is recorded
        }
        if (granted) {
            backfill(partner);
        }
        int products = store.profileProducts(party);
        if (!granted) {
            store.deleteProfile(party);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("party", party);
        payload.put("purpose", RECOMMENDATIONS);
        payload.put("granted", granted);
        payload.put(granted ? "profileProductsBuilt" : "profileProductsDeleted", products);
        AuditReceipt r = audit.record(AUDIT_TYPE, party, at, payload);
        store.saveConsent(party, RECOMMENDATIONS, granted, at, r.entryId());
        return view(party, store.consent(party, RECOMMENDATIONS), granted ? products : 0);
    }

    @Override
    @Transactional
    public RecommendationList recommend(PartyId partner, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_LIMIT);
        }
        String party = partner.value();
        if (!store.consent(party, RECOMMENDATIONS).map(Consent::granted).orElse(false)) {
            throw ProblemException.of(ProblemType.CONSENT_REQUIRED, "Recommendations are off. Turn them on with "
                + "PUT /api/v1/me/consents {\"recommendations\":true}; your purchases are used for nothing else.");
        }
        List<Purchase> mine = store.purchases(party);
        Set<UUID> bought = new HashSet<>();
        mine.forEach(p -> bought.add(p.productId()));
        Map<UUID, Optional<ProductView>> products = new HashMap<>();
        List<Recommendation> items = new ArrayList<>();
        Set<UUID> taken = new HashSet<>();
        RecommendationStore.CoPurchases co = store.coPurchases(party);
        for (CoPurchaseRanking.Pick pick : CoPurchaseRanking.rank(mine, co.perVia(), co.perCandidate(), minCoBuyers)) {
            if (items.size() == limit) {
                break;
            }
            Optional<ProductView> p = live(products, pick.candidate());
            Optional<ProductView> because = products.computeIfAbsent(pick.because(), catalogue::product);
            if (p.isPresent() && because.isPresent() && taken.add(pick.candidate())) {
                items.add(item(p.get(), "CO_PURCHASED", because.get(), pick.coBuyers(), "Because you bought "
                    + because.get().name() + ": " + pick.coBuyers() + " partners who bought it also bought this."));
            }
        }
        // Then more from the merchants the partner bought from, the most recent purchase first.
        Set<String> merchants = new HashSet<>();
        for (Purchase purchase : mine) {
            if (items.size() == limit) {
                break;
            }
            if (!merchants.add(purchase.merchantId())) {
                continue;
            }
            Optional<ProductView> because = products.computeIfAbsent(purchase.productId(), catalogue::product);
            if (because.isEmpty()) {
                continue;
            }
            for (ProductView p : catalogue.search(new ProductQuery(null, null, purchase.merchantId(), null, null, null,
                    null, MAX_LIMIT)).items()) {
                if (items.size() == limit) {
                    break;
                }
                if (!bought.contains(p.id()) && p.stock() > 0 && "LIVE".equals(p.status()) && taken.add(p.id())) {
                    items.add(item(p, "SAME_MERCHANT", because.get(), 0, "Because you bought "
                        + because.get().name() + " from this merchant."));
                }
            }
        }
        return new RecommendationList(items, mine.size(), Instant.now());
    }

    /** Builds the profile from the partner's orders so far (newest first, every page). */
    private void backfill(PartyId partner) {
        OrderActor actor = new OrderActor(partner, false);
        String cursor = null;
        do {
            OrderPage page = orders.orders(actor, false, cursor, Orders.MAX_PAGE);
            for (OrderView o : page.items()) {
                if ("CANCELED".equals(o.status())) {
                    continue;
                }
                Map<UUID, Long> units = new HashMap<>();
                for (OrderLineView l : o.lines()) {
                    units.merge(l.productId(), (long) l.quantity() - l.refundedQuantity(), Long::sum);
                }
                units.forEach((product, n) -> store.setUnits(partner.value(), o.id(), product, o.merchantId(), n,
                    o.placedAt()));
            }
            cursor = page.next();
        } while (cursor != null);
    }

    private Optional<ProductView> live(Map<UUID, Optional<ProductView>> cache, UUID id) {
        return cache.computeIfAbsent(id, catalogue::product)
            .filter(p -> "LIVE".equals(p.status()) && p.stock() > 0);
    }

    private static Recommendation item(ProductView p, String reason, ProductView because, int coBuyers,
                                       String explanation) {
        List<PriceTag> prices = p.prices().stream().filter(x -> x.amount() != null)
            .map(x -> new PriceTag(x.currency(), x.amount())).toList();
        return new Recommendation(p.id(), p.name(), p.merchantId(), p.category(), prices, reason, because.id(),
            because.name(), coBuyers, explanation);
    }

    /** {@code products}: the profile's size when the caller knows it, else null (counted here when consent is on). */
    private ConsentView view(String party, Optional<Consent> consent, Integer products) {
        boolean on = consent.map(Consent::granted).orElse(false);
        int size = !on ? 0 : products != null ? products : store.profileProducts(party);
        return new ConsentView(on, consent.map(Consent::updatedAt).orElse(null),
            consent.map(Consent::auditEntryId).orElse(null), size);
    }
}
