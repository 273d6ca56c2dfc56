package io.copartner.economy.settlement;

import io.copartner.commerce.api.Wallets;
import io.copartner.economy.api.event.PeriodClosing;
import io.copartner.economy.api.event.PeriodSettled;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.kernel.id.PartyId;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The close of a period in resumable steps, each its own transaction on locked rows (so with several instances each
 * happens once, and after a crash the next tick carries on where the last commit left off):
 * <ol>
 * <li>allocate: the oldest ended OPEN period becomes CLOSING; per asset its pool (the period's inflow plus what the
 * previous period left undistributed) is divided by weight (largest remainder) into payout rows;</li>
 * <li>pay: batches of {@value #BATCH} PENDING payouts move PARTNER_POOL → wallets in one ledger entry, one {@code economy.payout}
 * audit entry each, progress counted;</li>
 * <li>settle: a CLOSING period with every payout paid becomes CLOSED and {@link PeriodSettled} is fired.</li>
 * </ol>
 * Payouts above the approval threshold wait as AWAITING_APPROVAL until two different admins approved them.
 */
@ApplicationScoped
public class PeriodClose {

    /**
     * Payouts per ledger entry: with the pool's debit that is 100 postings, the ledger's limit per entry (ledger
     * EntryRules.MAX_POSTINGS). At 200 every entry was refused with 400 and a close of 100 or more partners never
     * ended (bench row p found it).
     */
    static final int BATCH = 99;

    @Inject
    SettlementStore store;

    @Inject
    RevenuePolicies policies;

    @Inject
    Ledger ledger;

    @Inject
    Wallets wallets;

    @Inject
    AuditTrail audit;

    @Inject
    Event<PeriodSettled> settled;

    @Inject
    Event<PeriodClosing> closing;

    @Inject
    @ConfigProperty(name = "copartner.payout.approval-threshold", defaultValue = "1000000")
    long threshold;

    @Transactional
    public boolean allocateNext(Instant now) {
        Optional<SettlementStore.Period> due = store.lockOldestDueOpen(now);
        if (due.isEmpty()) {
            return false;
        }
        SettlementStore.Period period = due.get();
        int version = policies.inForceAt(period.start()).version();
        Map<String, Long> inflow = new TreeMap<>();
        store.revenues(period.id()).forEach(r -> inflow.merge(r.asset(), r.partnerPool(), Math::addExact));
        Map<String, Long> carried = new TreeMap<>();
        store.carried(period.start()).forEach(p -> carried.put(p.asset(), p.undistributed()));
        TreeMap<String, Boolean> assets = new TreeMap<>();
        inflow.keySet().forEach(a -> assets.put(a, true));
        carried.forEach((a, u) -> {
            if (u > 0) {
                assets.put(a, true);
            }
        });
        store.assets(period.id()).forEach(a -> assets.put(a, true));
        int partners = 0;
        for (String asset : assets.keySet()) {
            partners += allocate(period, asset, inflow.getOrDefault(asset, 0L), carried.getOrDefault(asset, 0L),
                version, now);
        }
        store.startClosing(period.id(), version, partners);
        closing.fire(new PeriodClosing(period.id(), period.start(), period.end(), now));
        return true;
    }

    private int allocate(SettlementStore.Period period, String asset, long inflow, long carriedIn, int version,
                         Instant now) {
        List<SettlementStore.Weight> weights = store.weights(period.id(), asset);
        List<Long> w = new ArrayList<>(weights.size());
        long total = 0;
        for (SettlementStore.Weight x : weights) {
            w.add(x.weight());
            total = Math.addExact(total, x.weight());
        }
        long pool = Math.addExact(inflow, carriedIn);
        Allocation a = Allocation.of(pool, w);
        List<SettlementStore.Payout> payouts = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            long amount = a.shares().get(i);
            if (amount > 0) {
                String partner = weights.get(i).partner();
                payouts.add(new SettlementStore.Payout(payoutId(period.id(), asset, partner), period.id(), asset,
                    partner, Long.toString(w.get(i)), amount, amount > threshold ? "AWAITING_APPROVAL" : "PENDING",
                    null, null, null));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("periodId", period.id());
        p.put("asset", asset);
        p.put("policyVersion", version);
        p.put("inflow", Long.toString(inflow));
        p.put("carriedIn", Long.toString(carriedIn));
        p.put("partnerPool", Long.toString(pool));
        p.put("totalWeight", Long.toString(total));
        p.put("distributed", Long.toString(a.distributed()));
        p.put("undistributed", Long.toString(a.undistributed()));
        p.put("partners", payouts.size());
        AuditReceipt r = audit.record("economy.settlement.allocated", "settlement-period:" + period.id(), now, p);
        store.addPool(new SettlementStore.Pool(period.id(), asset, inflow, carriedIn, Long.toString(total),
            a.distributed(), a.undistributed(), r.entryId()));
        store.addPayouts(payouts);
        return payouts.size();
    }

    /** Deterministic, so a payout's id is the same whichever instance allocated it. */
    static UUID payoutId(String periodId, String asset, String partner) {
        return UUID.nameUUIDFromBytes(("economy.payout|" + periodId + "|" + asset + "|" + partner)
            .getBytes(StandardCharsets.UTF_8));
    }

    /** Pays one batch of PENDING payouts of one period and asset; false when none is pending. */
    @Transactional
    public boolean payNextBatch(Instant now) {
        List<SettlementStore.Payout> batch = store.lockPending(BATCH);
        if (batch.isEmpty()) {
            return false;
        }
        String periodId = batch.get(0).periodId();
        String asset = batch.get(0).asset();
        List<PostingLine> lines = new ArrayList<>();
        long sum = 0;
        for (SettlementStore.Payout p : batch) {
            lines.add(new PostingLine(wallets.walletAccount(PartyId.parse(p.partner()), asset), asset, p.amount()));
            sum = Math.addExact(sum, p.amount());
        }
        lines.add(0, new PostingLine(poolAccount(asset), asset, -sum));
        PostResult entry = ledger.post(new PostEntry("revenue share " + periodId + " " + asset, lines, null),
            "economy.payout:" + batch.get(0).id());
        for (SettlementStore.Payout p : batch) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("periodId", periodId);
            payload.put("partner", p.partner());
            payload.put("asset", asset);
            payload.put("amount", Long.toString(p.amount()));
            payload.put("payoutId", p.id().toString());
            payload.put("ledgerEntryId", entry.entry().id().toString());
            AuditReceipt r = audit.record("economy.payout", "settlement-period:" + periodId, now, payload);
            store.paid(p.id(), entry.entry().id(), r.entryId(), now);
        }
        store.addDone(periodId, batch.size());
        return true;
    }

    /** Closes one CLOSING period whose payouts are all paid; false when there is none. */
    @Transactional
    public boolean settleNext(Instant now) {
        Optional<SettlementStore.Period> done = store.lockSettled();
        if (done.isEmpty()) {
            return false;
        }
        SettlementStore.Period p = done.get();
        store.close(p.id(), now);
        audit.record("economy.settlement.closed", "settlement-period:" + p.id(), now,
            Map.of("periodId", p.id(), "partners", p.total()));
        settled.fire(new PeriodSettled(p.id(), p.start(), p.end(), now));
        return true;
    }

    /** The platform's PARTNER_POOL account of the asset (commerce opens it on the first release). */
    UUID poolAccount(String asset) {
        return ledger.accountsOf(PartyId.PLATFORM.value()).stream()
            .filter(a -> a.kind() == AccountKind.PARTNER_POOL && a.asset().equals(asset)).map(AccountView::id)
            .findFirst().orElseThrow(() -> new IllegalStateException("no PARTNER_POOL account in " + asset));
    }
}
