package io.copartner.economy.cocreation;

import io.copartner.economy.api.CoCreationEarnings;
import io.copartner.economy.api.Settlement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A co-creator's lines in their statements: accruing (as it stands) until the period closes, then PAID, or
 * AWAITING_APPROVAL while a payout above the approval threshold waits for two admins.
 */
@ApplicationScoped
public class CoCreationStatements implements CoCreationEarnings {

    static final String FORMULA = "myShare = largestRemainder(productAccrued, co-creators' shareBps)[me]; "
        + "productAccrued = Σ floor(kept line amount × coCreationShareBps × Σ co-creators' bps / 10^8) of the "
        + "product's sales released in the period (refunded units clawed back pro rata)";

    @Inject
    CoCreationStore store;

    @Override
    @Transactional
    public List<String> periodsOf(String partner) {
        return store.periodsOf(partner);
    }

    @Override
    @Transactional
    public List<Settlement.CoCreationLine> lines(String partner, String periodId) {
        List<Settlement.CoCreationLine> out = new ArrayList<>();
        if (store.hasPayouts(periodId)) {
            for (CoCreationStore.Payout p : store.payoutsOf(partner, periodId)) {
                out.add(new Settlement.CoCreationLine(p.asset(), p.productId(), p.proposal(), p.shareBps(),
                    Long.toString(p.productAccrued()), Long.toString(p.amount()), p.status(), FORMULA));
            }
            return out;
        }
        List<UUID> mine = store.accruingProductsOf(partner, periodId);
        if (mine.isEmpty()) {
            return out;
        }
        Map<String, Long> accrued = new TreeMap<>(); // product|asset → accrued so far
        for (CoCreationStore.Line l : store.accrued(periodId)) {
            if (mine.contains(l.productId())) {
                accrued.merge(l.productId() + "|" + l.asset(), l.accrued(), Math::addExact);
            }
        }
        for (Map.Entry<String, Long> a : accrued.entrySet()) {
            UUID product = UUID.fromString(a.getKey().substring(0, a.getKey().indexOf('|')));
            String asset = a.getKey().substring(a.getKey().indexOf('|') + 1);
            List<CoCreationStore.Share> shares = store.shares(product);
            List<Long> parts = CoCreationMath.split(a.getValue(), shares.stream()
                .map(CoCreationStore.Share::shareBps).toList());
            for (int i = 0; i < shares.size(); i++) {
                if (shares.get(i).party().equals(partner)) {
                    out.add(new Settlement.CoCreationLine(asset, product, store.proposalOf(product).orElse(null),
                        shares.get(i).shareBps(), Long.toString(a.getValue()), Long.toString(parts.get(i)),
                        "ACCRUING", FORMULA));
                }
            }
        }
        return out;
    }
}
