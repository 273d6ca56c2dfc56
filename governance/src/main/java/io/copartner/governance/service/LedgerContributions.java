package io.copartner.governance.service;

import io.copartner.governance.api.Contributions;
import io.copartner.ledger.api.WalletSpending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Contributions from the ledger: what a member spent from their wallets (owned by their DID or their party id) in
 * the contribution asset ({@code copartner.governance.contribution-asset}, default CNY) over the window.
 */
@ApplicationScoped
public class LedgerContributions implements Contributions {

    @Inject
    WalletSpending spending;

    @Inject
    @ConfigProperty(name = "copartner.governance.contribution-asset", defaultValue = "CNY")
    String asset;

    @Override
    public Map<String, Long> over(Collection<Contributor> members, Instant from, Instant to) {
        List<String> owners = new ArrayList<>();
        for (Contributor m : members) {
            owners.add(m.did());
            if (m.partyId() != null) {
                owners.add(m.partyId());
            }
        }
        Map<String, Long> spent = spending.spentBy(owners, asset, from, to);
        Map<String, Long> byDid = new HashMap<>();
        for (Contributor m : members) {
            long total = spent.getOrDefault(m.did(), 0L);
            if (m.partyId() != null) {
                total = Math.addExact(total, spent.getOrDefault(m.partyId(), 0L));
            }
            if (total > 0) {
                byDid.put(m.did(), total);
            }
        }
        return byDid;
    }
}
