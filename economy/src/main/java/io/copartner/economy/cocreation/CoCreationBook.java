package io.copartner.economy.cocreation;

import io.copartner.commerce.api.event.OrderCanceled;
import io.copartner.commerce.api.event.OrderPlaced;
import io.copartner.commerce.api.event.OrderSettled;
import io.copartner.commerce.api.event.ProductListed;
import io.copartner.economy.api.OrderHolds;
import io.copartner.economy.api.SettlementPeriods;
import io.copartner.economy.api.event.OrderHoldReleased;
import io.copartner.governance.api.PolicyVersion;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.kernel.id.PartyId;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Co-creation in the transactions of the events that cause it: a listing with co-creators records them; a sale of a
 * co-created product freezes its share at placement (the policy in force then), accrues it at release (the kept
 * part; the refunded part is clawed back pro rata, largest remainder) in ONE balanced entry from the merchant's
 * receivable to the platform-held co-creation payable of the asset, booked into the open settlement period. A
 * flagged order's share is withheld at release (split kept, nothing moved, {@code economy.cocreation.withheld}) and
 * accrues only when an admin clears the flag, into the period open then; confirmed fraud voids it. Each accrual also
 * adds to its co-creators' co-creation contribution in that period, which the revenue share weighs by the policy.
 */
@ApplicationScoped
public class CoCreationBook {

    @Inject
    CoCreationStore store;

    @Inject
    RevenuePolicies policies;

    @Inject
    SettlementPeriods periods;

    @Inject
    Ledger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    OrderHolds holds;

    @Transactional(Transactional.TxType.MANDATORY)
    void onListed(@Observes ProductListed e) {
        if (e.coCreators().isEmpty()) {
            return;
        }
        List<Map<String, Object>> named = new ArrayList<>();
        for (ProductListed.CoCreator c : e.coCreators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partner", c.did());
            m.put("party", c.party());
            m.put("shareBps", c.shareBps());
            named.add(m);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("productId", e.productId().toString());
        p.put("proposal", e.proposal().toString());
        p.put("coCreators", named);
        AuditReceipt r = audit.record("economy.cocreation.registered", "product:" + e.productId(), e.listedAt(), p);
        if (store.addProduct(e.productId(), e.proposal(), e.merchantId(), e.listedAt(), r.entryId())) {
            for (int i = 0; i < e.coCreators().size(); i++) {
                ProductListed.CoCreator c = e.coCreators().get(i);
                store.addShare(new CoCreationStore.Share(e.productId(), i, c.did(), c.party(), c.shareBps()));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onPlaced(@Observes OrderPlaced e) {
        PolicyVersion policy = null;
        Map<UUID, Integer> creatorsBps = new HashMap<>();
        for (OrderPlaced.PlacedLine line : e.lines()) {
            int creators = creatorsBps.computeIfAbsent(line.productId(),
                id -> store.shares(id).stream().mapToInt(CoCreationStore.Share::shareBps).sum());
            if (creators == 0) {
                continue;
            }
            if (policy == null) {
                policy = policies.inForceAt(e.placedAt());
            }
            Integer share = policy.policy().coCreationShareBps();
            int bps = share == null ? 0 : share;
            long pending = CoCreationMath.pending(line.amount(), bps, creators);
            store.insertLine(new CoCreationStore.Line(e.orderId(), line.lineNo(), line.productId(), e.asset(),
                policy.version(), bps, creators, line.amount(), pending, 0, 0, "PENDING", null, null));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onSettled(@Observes OrderSettled e) {
        List<CoCreationStore.Line> lines = store.lockPending(e.orderId());
        if (lines.isEmpty()) {
            return;
        }
        Map<Integer, OrderSettled.SettledLine> settled = new HashMap<>();
        e.lines().forEach(l -> settled.put(l.lineNo(), l));
        long[][] parts = new long[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            OrderSettled.SettledLine s = settled.get(lines.get(i).lineNo());
            int refunded = s == null ? 0 : s.refundedQuantity();
            int kept = s == null ? 1 : s.quantity() - refunded;
            parts[i] = CoCreationMath.settle(lines.get(i).pending(), kept, refunded);
        }
        if (holds.withheld(e.orderId())) {
            withhold(e, lines, parts);
            return;
        }
        accrue(e.orderId(), e.asset(), e.merchantReceivableAccount(), lines, parts, e.settledAt());
    }

    /** A flagged order: the split is kept on its lines, nothing moves and no period gets it until the flag is decided. */
    private void withhold(OrderSettled e, List<CoCreationStore.Line> lines, long[][] parts) {
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            store.withhold(e.orderId(), lines.get(i).lineNo(), parts[i][0], parts[i][1], e.merchantReceivableAccount());
            total = Math.addExact(total, parts[i][0]);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orderId", e.orderId().toString());
        p.put("asset", e.asset());
        p.put("withheld", Long.toString(total));
        p.put("lines", lines.size());
        audit.record("economy.cocreation.withheld", "order:" + e.orderId(), e.settledAt(), p);
    }

    /** Cleared: the withheld share accrues now, into the period open now; confirmed fraud: it is void, audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onHoldReleased(@Observes OrderHoldReleased e) {
        List<CoCreationStore.Withheld> withheld = store.lockWithheld(e.orderId());
        if (withheld.isEmpty()) {
            return;
        }
        if (e.confirmed()) {
            store.voidWithheld(e.orderId());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("orderId", e.orderId().toString());
            p.put("asset", withheld.get(0).line().asset());
            p.put("forfeited", Long.toString(withheld.stream().mapToLong(w -> w.line().accrued()).sum()));
            p.put("admin", e.admin());
            audit.record("economy.cocreation.forfeited", "order:" + e.orderId(), e.at(), p);
            return;
        }
        List<CoCreationStore.Line> lines = withheld.stream().map(CoCreationStore.Withheld::line).toList();
        long[][] parts = lines.stream().map(l -> new long[] {l.accrued(), l.clawedBack()}).toArray(long[][]::new);
        accrue(e.orderId(), lines.get(0).asset(), withheld.get(0).receivableAccount(), lines, parts, e.at());
    }

    /**
     * ONE balanced entry moves the kept share from the merchant's receivable to the payable; each line's accrual is
     * audited and booked into the settlement period open at {@code at}.
     */
    private void accrue(UUID orderId, String asset, UUID receivable, List<CoCreationStore.Line> lines,
                        long[][] parts, Instant at) {
        String periodId = periods.openPeriodAt(at);
        long total = 0;
        for (long[] part : parts) {
            total = Math.addExact(total, part[0]);
        }
        UUID entry = null;
        if (total > 0) {
            if (receivable == null) {
                throw new IllegalStateException("order " + orderId + " accrued co-creation but released nothing "
                    + "to its merchant");
            }
            PostResult r = ledger.post(new PostEntry("co-creation of order " + orderId, List.of(
                new PostingLine(receivable, asset, -total),
                new PostingLine(payable(asset), asset, total)), null), "economy.cocreation:" + orderId);
            entry = r.entry().id();
        }
        for (int i = 0; i < lines.size(); i++) {
            CoCreationStore.Line l = lines.get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("periodId", periodId);
            p.put("orderId", orderId.toString());
            p.put("lineNo", l.lineNo());
            p.put("productId", l.productId().toString());
            p.put("asset", l.asset());
            p.put("policyVersion", l.policyVersion());
            p.put("coCreationShareBps", l.shareBps());
            p.put("coCreatorsBps", l.creatorsBps());
            p.put("lineAmount", Long.toString(l.amount()));
            p.put("pending", Long.toString(l.pending()));
            p.put("accrued", Long.toString(parts[i][0]));
            p.put("clawedBack", Long.toString(parts[i][1]));
            if (entry != null) {
                p.put("ledgerEntryId", entry.toString());
            }
            AuditReceipt r = audit.record("economy.cocreation.accrued", "order:" + orderId, at, p);
            store.accrue(orderId, l.lineNo(), parts[i][0], parts[i][1], periodId, entry, r.entryId());
            addWeights(periodId, l, parts[i][0]);
        }
    }

    /**
     * Each co-creator's contribution to the period's revenue-share weights: floor(accrued × their bps / 10000) of the
     * line (a weight, not money: the rounding needs no largest remainder). The policy's coCreationBps says how much it
     * counts; a reader recomputes it from this accrued entry and the product's registered co-creators.
     */
    private void addWeights(String periodId, CoCreationStore.Line l, long accrued) {
        if (accrued <= 0) {
            return;
        }
        for (CoCreationStore.Share share : store.shares(l.productId())) {
            long part = Math.multiplyExact(accrued, (long) share.shareBps()) / 10_000;
            if (part > 0) {
                periods.addCoCreationWeight(periodId, l.asset(), share.party(), part);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCanceled(@Observes OrderCanceled e) {
        store.voidPending(e.orderId());
    }

    /**
     * The platform-held co-creation payable of the asset (a COMMISSION_PAYABLE: money owed to partners for what they
     * brought, held only until the period closes); opened on first use.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID payable(String asset) {
        return store.account(asset).orElseGet(() -> {
            store.lockKey("cocreation-account:" + asset);
            return store.account(asset).orElseGet(() -> {
                UUID id = ledger.open(new OpenAccount(PartyId.PLATFORM.value(), asset, AccountKind.COMMISSION_PAYABLE,
                    "co-creation payable " + asset)).id();
                store.insertAccount(asset, id);
                return id;
            });
        });
    }
}
