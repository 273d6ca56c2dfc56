package io.copartner.economy.settlement;

import io.copartner.commerce.api.Wallets;
import io.copartner.economy.api.event.PeriodClosing;
import io.copartner.economy.api.event.PeriodSettled;
import io.copartner.governance.api.PolicyVersion;
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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The close of a period in resumable steps, each its own transaction on locked rows (so with several instances each
 * happens once, and after a crash the next tick carries on where the last commit left off):
 * <ol>
 * <li>allocate: the oldest ended OPEN period becomes CLOSING; per asset its pool (the period's inflow plus what the
 * previous period left undistributed), total weight and largest-remainder cut are persisted; then chunk by chunk of
 * partners their payout rows are inserted (a close of 10^6 partners is 50 short transactions, not one of minutes);</li>
 * <li>pay: steps of {@code pay-entries} ledger entries of {@code copartner.settlement.pay-batch} PENDING payouts each
 * move PARTNER_POOL → wallets, one {@code economy.payout} audit entry per payout, progress counted;</li>
 * <li>settle: a CLOSING period with every payout allocated and paid becomes CLOSED and {@link PeriodSettled} is fired.</li>
 * </ol>
 * Payouts above the approval threshold wait as AWAITING_APPROVAL until two different admins approved them.
 */
@ApplicationScoped
public class PeriodClose {

    private static final Logger LOG = Logger.getLogger(PeriodClose.class.getName());

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

    /**
     * Payouts per pay step (one transaction, one ledger entry): bounds a step's locks and what a crash rolls back. At
     * most 99: with the pool's debit that is the ledger's 100 postings per entry ({@link Ledger#MAX_POSTINGS_PER_ENTRY}). The
     * old fixed 200 had every entry refused, so a close of 100 or more partners never ended (bench row p found it).
     */
    static final int MAX_PAY_BATCH = Ledger.MAX_POSTINGS_PER_ENTRY - 1;

    @Inject
    @ConfigProperty(name = "copartner.settlement.pay-batch", defaultValue = "99")
    int payBatch;

    /** Most ledger entries (of {@code pay-batch} payouts each) per pay transaction: 20 × 99 = 1,980 payouts. */
    static final int MAX_PAY_ENTRIES = 100;

    @Inject
    @ConfigProperty(name = "copartner.settlement.pay-entries", defaultValue = "20")
    int payEntries;

    /** Partners (weight rows) per allocation chunk, one transaction each. */
    @Inject
    @ConfigProperty(name = "copartner.settlement.allocate-chunk", defaultValue = "20000")
    int allocateChunk;

    /**
     * Called at start-up before the first tick: a batch of 0 or less would pay nothing and one above 99 would be
     * refused by the ledger, either leaving every period CLOSING, so the platform refuses to start instead.
     */
    void checkPayBatch() {
        validPayBatch(payBatch);
        if (payEntries <= 0 || payEntries > MAX_PAY_ENTRIES) {
            throw new IllegalStateException("copartner.settlement.pay-entries (COPARTNER_SETTLEMENT_PAY_ENTRIES) must "
                + "be 1.." + MAX_PAY_ENTRIES + " ledger entries per pay step, not " + payEntries);
        }
        if (allocateChunk <= 0 || allocateChunk > 100_000) {
            throw new IllegalStateException("copartner.settlement.allocate-chunk (COPARTNER_SETTLEMENT_ALLOCATE_CHUNK) "
                + "must be 1..100000 partners per allocation step, not " + allocateChunk);
        }
    }

    static int validPayBatch(int n) {
        if (n <= 0 || n > MAX_PAY_BATCH) {
            throw new IllegalStateException("copartner.settlement.pay-batch (COPARTNER_SETTLEMENT_PAY_BATCH) must be "
                + "1.." + MAX_PAY_BATCH + " payouts per step (the ledger takes 100 postings per entry), not " + n);
        }
        return n;
    }

    /**
     * Step 1: the oldest ended OPEN period becomes CLOSING (nothing more is booked into it) with, per asset, its pool,
     * total weight and largest-remainder cut persisted, all computed in the database; the payouts follow in chunks
     * ({@link #allocateNextChunk}). Bounded in what it holds: a few rows per asset, whatever the number of partners.
     */
    @Transactional
    public boolean allocateNext(Instant now) {
        Optional<SettlementStore.Period> due = store.lockOldestDueOpen(now);
        if (due.isEmpty()) {
            return false;
        }
        SettlementStore.Period period = due.get();
        PolicyVersion policy = policies.inForceAt(period.start());
        int version = policy.version();
        // The policy in force for the period weighs its contributions; stored with each pool, so every chunk of this
        // close uses the same factors whatever is governed meanwhile.
        WeightFactors factors = WeightFactors.of(policy.policy().contributionWeights());
        Map<String, Long> inflow = store.inflows(period.id());
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
                version, factors, now);
        }
        store.startClosing(period.id(), version, partners);
        closing.fire(new PeriodClosing(period.id(), period.start(), period.end(), now));
        return true;
    }

    private int allocate(SettlementStore.Period period, String asset, long inflow, long carriedIn, int version,
                         WeightFactors factors, Instant now) {
        long pool = Math.addExact(inflow, carriedIn);
        SettlementStore.Cut cut = store.cut(period.id(), asset, pool, factors);
        // No positive weight or an empty pool: nothing is distributed, the whole pool is carried forward.
        long distributed = cut.partners() == 0 ? 0 : pool;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("periodId", period.id());
        p.put("asset", asset);
        p.put("policyVersion", version);
        p.put("inflow", Long.toString(inflow));
        p.put("carriedIn", Long.toString(carriedIn));
        p.put("partnerPool", Long.toString(pool));
        p.put("totalWeight", cut.totalWeight().toPlainString());
        p.put("distributed", Long.toString(distributed));
        p.put("undistributed", Long.toString(pool - distributed));
        p.put("partners", cut.partners());
        p.put("contributionWeights", factors.payload());
        AuditReceipt r = audit.record("economy.settlement.allocated", "settlement-period:" + period.id(), now, p);
        store.addPool(new SettlementStore.Pool(period.id(), asset, inflow, carriedIn,
            cut.totalWeight().toPlainString(), distributed, pool - distributed, r.entryId(), factors), cut,
            cut.partners() > 0);
        return cut.partners();
    }

    /**
     * Step 1b: the payouts of the next {@code copartner.settlement.allocate-chunk} partners of a pool still
     * allocating, computed and inserted by one statement; the pool's cursor moves on in the same transaction, so a
     * crash repeats at most the chunk it interrupted. The last chunk checks count and sum against the allocation.
     */
    @Transactional
    public boolean allocateNextChunk() {
        Optional<SettlementStore.Allocating> next = store.lockAllocating();
        if (next.isEmpty()) {
            return false;
        }
        SettlementStore.Allocating a = next.get();
        SettlementStore.Chunk chunk = store.allocateChunk(a, allocateChunk, threshold);
        boolean done = chunk.read() < allocateChunk;
        if (done) {
            long[] totals = store.payoutTotals(a.periodId(), a.asset());
            if (totals[0] != a.partners() || totals[1] != a.distributed()) {
                throw new IllegalStateException("the payouts of " + a.periodId() + " " + a.asset() + " are " + totals[0]
                    + " summing " + totals[1] + ", not the " + a.partners() + " summing " + a.distributed()
                    + " allocated");
            }
            LOG.info(() -> "settlement period " + a.periodId() + " " + a.asset() + ": " + totals[0] + " payouts "
                + "allocated, summing " + totals[1]);
        }
        store.allocatedThrough(a.periodId(), a.asset(), chunk.last() == null ? a.allocatedThrough() : chunk.last(),
            done);
        return true;
    }

    /** Deterministic, so a payout's id is the same whichever instance allocated it. */
    static UUID payoutId(String periodId, String asset, String partner) {
        return UUID.nameUUIDFromBytes(("economy.payout|" + periodId + "|" + asset + "|" + partner)
            .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Step 2: pays up to {@code pay-entries} × {@code pay-batch} PENDING payouts of one period and asset in one
     * transaction: one ledger entry per {@code pay-batch} payouts (PARTNER_POOL → their wallets), their
     * {@code economy.payout} audit entries in one batch, all marked PAID in one statement. False when none is pending.
     */
    @Transactional
    public boolean payNextBatch(Instant now) {
        List<SettlementStore.Payout> batch = store.lockPending(payBatch * payEntries);
        if (batch.isEmpty()) {
            return false;
        }
        String periodId = batch.get(0).periodId();
        String asset = batch.get(0).asset();
        UUID pool = poolAccount(asset);
        // The step's wallets in one read (a lookup per payout was the close's largest cost at 10^6 partners).
        Map<PartyId, UUID> walletOf = wallets.walletAccounts(batch.stream().map(p -> PartyId.parse(p.partner()))
            .toList(), asset);
        List<UUID> ids = new ArrayList<>(batch.size());
        List<UUID> entries = new ArrayList<>(batch.size());
        List<Map<String, Object>> payloads = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += payBatch) {
            List<SettlementStore.Payout> part = batch.subList(from, Math.min(batch.size(), from + payBatch));
            List<PostingLine> lines = new ArrayList<>(part.size() + 1);
            lines.add(null);
            long sum = 0;
            for (SettlementStore.Payout p : part) {
                lines.add(new PostingLine(walletOf.get(PartyId.parse(p.partner())), asset, p.amount()));
                sum = Math.addExact(sum, p.amount());
            }
            lines.set(0, new PostingLine(pool, asset, -sum));
            PostResult entry = ledger.post(new PostEntry("revenue share " + periodId + " " + asset, lines, null),
                "economy.payout:" + part.get(0).id());
            for (SettlementStore.Payout p : part) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("periodId", periodId);
                payload.put("partner", p.partner());
                payload.put("asset", asset);
                payload.put("amount", Long.toString(p.amount()));
                payload.put("payoutId", p.id().toString());
                payload.put("ledgerEntryId", entry.entry().id().toString());
                payloads.add(payload);
                ids.add(p.id());
                entries.add(entry.entry().id());
            }
        }
        List<AuditReceipt> receipts = audit.recordAll("economy.payout", "settlement-period:" + periodId, now, payloads);
        int marked = store.paidAll(ids, entries, receipts.stream().map(AuditReceipt::entryId).toList(), now);
        if (marked != batch.size()) {
            throw new IllegalStateException("marked " + marked + " of " + batch.size() + " locked payouts PAID");
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
