package io.copartner.economy.cocreation;

import io.copartner.commerce.api.Wallets;
import io.copartner.economy.api.event.PeriodClosing;
import io.copartner.kernel.event.PlatformStarted;
import io.copartner.kernel.id.PartyId;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pays a closing period's co-creation accruals, in the transaction in which the period becomes CLOSING (nothing more
 * is booked into it from then on): per product, its accrual is split among its co-creators by their bps (largest
 * remainder, exact), and per asset balanced entries of up to 99 wallets move the payable to them; one
 * {@code economy.cocreation.payout} audit entry per co-creator and product. A payout above
 * {@code COPARTNER_PAYOUT_APPROVAL_THRESHOLD} is not paid here: it is held (one {@code economy.cocreation.payout.held}
 * entry, its money stays in the payable) until two different admins approved it ({@link CoCreationApprovals}).
 */
@ApplicationScoped
public class CoCreationPayouts {

    /**
     * Wallets per ledger entry (env COPARTNER_COCREATION_WALLETS_PER_ENTRY, 1..99): with the payable's debit at most
     * the ledger's {@link Ledger#MAX_POSTINGS_PER_ENTRY}. The system tests set 1, so two co-creators already
     * take two entries.
     */
    @Inject
    @ConfigProperty(name = "copartner.cocreation.wallets-per-entry", defaultValue = "99")
    int walletsPerEntry;

    @Inject
    @ConfigProperty(name = "copartner.payout.approval-threshold", defaultValue = "1000000")
    long threshold;

    @Inject
    CoCreationStore store;

    @Inject
    CoCreationBook book;

    @Inject
    Ledger ledger;

    @Inject
    Wallets wallets;

    @Inject
    AuditTrail audit;

    /** A payout before its ledger entry: what the split gave one co-creator of one product. */
    record Due(UUID productId, String asset, CoCreationStore.Share share, long productAccrued, long amount) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onClosing(@Observes PeriodClosing e) {
        if (store.hasPayouts(e.periodId())) {
            return; // paid already (an event seen twice changes nothing)
        }
        Map<String, Map<UUID, Long>> accrued = new TreeMap<>(); // asset → product → accrued, in a stable order
        for (CoCreationStore.Line l : store.accrued(e.periodId())) {
            accrued.computeIfAbsent(l.asset(), a -> new TreeMap<>()).merge(l.productId(), l.accrued(), Math::addExact);
        }
        for (Map.Entry<String, Map<UUID, Long>> byAsset : accrued.entrySet()) {
            pay(e, byAsset.getKey(), byAsset.getValue());
        }
    }

    private void pay(PeriodClosing e, String asset, Map<UUID, Long> products) {
        List<Due> dues = new ArrayList<>();
        for (Map.Entry<UUID, Long> p : products.entrySet()) {
            if (p.getValue() == 0) {
                continue;
            }
            List<CoCreationStore.Share> shares = store.shares(p.getKey());
            List<Long> parts = CoCreationMath.split(p.getValue(), shares.stream().map(CoCreationStore.Share::shareBps)
                .toList());
            for (int i = 0; i < shares.size(); i++) {
                if (parts.get(i) > 0) {
                    dues.add(new Due(p.getKey(), asset, shares.get(i), p.getValue(), parts.get(i)));
                }
            }
        }
        List<Due> held = dues.stream().filter(d -> d.amount() > threshold).toList();
        held.forEach(d -> hold(e, d));
        dues.removeAll(held);
        if (dues.isEmpty()) {
            return;
        }
        Map<String, Long> byWallet = new TreeMap<>();
        for (Due d : dues) {
            byWallet.merge(d.share().party(), d.amount(), Math::addExact);
        }
        // Chunks of walletsPerEntry wallets, each with the payable's debit: the ledger takes at most 100 postings
        // per entry, and one entry for every co-creator of a period would be refused (and the close with it).
        Map<String, UUID> entryOf = new TreeMap<>();
        List<String> parties = new ArrayList<>(byWallet.keySet());
        Map<PartyId, UUID> walletOf = wallets.walletAccounts(parties.stream().map(PartyId::parse).toList(), asset);
        for (int from = 0, chunk = 0; from < parties.size(); from += walletsPerEntry, chunk++) {
            List<String> part = parties.subList(from, Math.min(parties.size(), from + walletsPerEntry));
            List<PostingLine> lines = new ArrayList<>();
            lines.add(new PostingLine(book.payable(asset), asset, -part.stream().map(byWallet::get).reduce(0L, Math::addExact)));
            part.forEach(party -> lines.add(new PostingLine(walletOf.get(PartyId.parse(party)), asset,
                byWallet.get(party))));
            // The first chunk keeps the key the single entry had, so a period paid before this change stays as it was.
            PostResult entry = ledger.post(new PostEntry("co-creation shares " + e.periodId() + " " + asset
                + (chunk == 0 ? "" : " part " + (chunk + 1)), lines, null),
                "economy.cocreation.payout:" + e.periodId() + ":" + asset + (chunk == 0 ? "" : ":" + chunk));
            part.forEach(party -> entryOf.put(party, entry.entry().id()));
        }
        for (Due d : dues) {
            UUID entryId = entryOf.get(d.share().party());
            UUID id = payoutId(e.periodId(), d.productId(), asset, d.share().party());
            Map<String, Object> p = payload(e.periodId(), d, id);
            p.put("ledgerEntryId", entryId.toString());
            AuditReceipt r = audit.record("economy.cocreation.payout", "settlement-period:" + e.periodId(), e.at(), p);
            store.addPayout(CoCreationStore.Payout.paid(id, e.periodId(), d.productId(), asset, d.share(),
                d.productAccrued(), d.amount(), entryId, r.entryId()), e.at());
        }
    }

    /** Above the threshold: recorded and audited as held; the money stays in the payable until four eyes saw it. */
    private void hold(PeriodClosing e, Due d) {
        UUID id = payoutId(e.periodId(), d.productId(), d.asset(), d.share().party());
        Map<String, Object> p = payload(e.periodId(), d, id);
        p.put("threshold", Long.toString(threshold));
        AuditReceipt r = audit.record("economy.cocreation.payout.held", "settlement-period:" + e.periodId(), e.at(),
            p);
        store.addPayout(CoCreationStore.Payout.held(id, e.periodId(), d.productId(), d.asset(), d.share(),
            d.productAccrued(), d.amount(), r.entryId()), e.at());
    }

    /** What a payout's audit entries say of it (the held entry and the payout entry alike). */
    static Map<String, Object> payload(String periodId, Due d, UUID payoutId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("periodId", periodId);
        p.put("partner", d.share().party());
        p.put("did", d.share().did());
        p.put("asset", d.asset());
        p.put("amount", Long.toString(d.amount()));
        p.put("productId", d.productId().toString());
        p.put("shareBps", d.share().shareBps());
        p.put("productAccrued", Long.toString(d.productAccrued()));
        p.put("payoutId", payoutId.toString());
        return p;
    }

    /**
     * Called at start-up: a chunk of 0 or above 99 wallets would have the ledger refuse the entry and with it every
     * close with co-creation payouts, so the platform refuses to start instead.
     */
    void onStart(@Observes PlatformStarted started) {
        checkWalletsPerEntry();
    }

    void checkWalletsPerEntry() {
        int max = Ledger.MAX_POSTINGS_PER_ENTRY - 1; // the payable's debit is the last posting
        if (walletsPerEntry < 1 || walletsPerEntry > max) {
            throw new IllegalStateException("copartner.cocreation.wallets-per-entry "
                + "(COPARTNER_COCREATION_WALLETS_PER_ENTRY) must be 1.." + max + ", not " + walletsPerEntry);
        }
    }

    /** Deterministic, so a payout's id is the same whichever instance paid it. */
    static UUID payoutId(String periodId, UUID productId, String asset, String party) {
        return UUID.nameUUIDFromBytes(("economy.cocreation.payout|" + periodId + "|" + productId + "|" + asset + "|"
            + party).getBytes(StandardCharsets.UTF_8));
    }
}
