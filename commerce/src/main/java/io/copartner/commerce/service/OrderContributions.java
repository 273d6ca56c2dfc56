package io.copartner.commerce.service;

import io.copartner.commerce.persistence.OrderStore;
import io.copartner.governance.api.Contributions;
import io.copartner.ledger.api.WalletSpending;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Contributions with real order spend (replaces governance's wallet-only view; governance knows only its api). A
 * checkout's payment into escrow is not yet spend: it counts when the order settles, for what the buyer kept
 * (COMPLETED: all; REFUNDED: less the refund; CANCELED: nothing), at the settlement time. Every other wallet spending
 * the ledger sees counts as before. So: ledger wallet spending in the window, less checkout payments posted in it,
 * plus kept spend of orders settled in it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class OrderContributions implements Contributions {

    @Inject
    WalletSpending spending;

    @Inject
    OrderStore orders;

    @Inject
    @ConfigProperty(name = "copartner.governance.contribution-asset", defaultValue = "CNY")
    String asset;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> over(Collection<Contributor> members, Instant from, Instant to) {
        List<String> owners = new ArrayList<>();
        for (Contributor m : members) {
            owners.add(m.did());
            if (m.partyId() != null) {
                owners.add(m.partyId());
            }
        }
        Map<String, Long> wallet = spending.spentBy(owners, asset, from, to);
        Map<String, Long> paid = orders.paidBy(owners, asset, from, to);
        Map<String, Long> kept = orders.keptBy(owners, asset, from, to);
        Map<String, Long> byDid = new HashMap<>();
        for (Contributor m : members) {
            long total = 0;
            for (String owner : m.partyId() == null ? List.of(m.did()) : List.of(m.did(), m.partyId())) {
                long own = wallet.getOrDefault(owner, 0L) - paid.getOrDefault(owner, 0L);
                total = Math.addExact(total, Math.max(0, own) + kept.getOrDefault(owner, 0L));
            }
            if (total > 0) {
                byDid.put(m.did(), total);
            }
        }
        return byDid;
    }
}
