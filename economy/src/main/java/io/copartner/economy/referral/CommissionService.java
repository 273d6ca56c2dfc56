package io.copartner.economy.referral;

import io.copartner.commerce.api.event.OrderCanceled;
import io.copartner.commerce.api.event.OrderPlaced;
import io.copartner.commerce.api.event.OrderSettled;
import io.copartner.economy.api.CommissionPage;
import io.copartner.economy.api.CommissionView;
import io.copartner.economy.api.Commissions;
import io.copartner.economy.api.OrderHolds;
import io.copartner.economy.api.event.CommissionEarned;
import io.copartner.economy.api.event.OrderHoldReleased;
import io.copartner.economy.api.event.ReferralRefused;
import io.copartner.governance.api.GovernanceSettings;
import io.copartner.governance.api.PolicyVersion;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Commissions along the order's life, inside commerce's transactions: frozen at placement (attribution chain,
 * policy version and rate per level), settled on release (earned on the kept units, the refunded units' share
 * clawed back, exact per line), voided on cancellation, withheld while the order is on fraud hold and granted or
 * forfeited when an admin decides. Nothing is ever paid for recruiting: only a completed sale earns.
 */
@ApplicationScoped
public class CommissionService implements Commissions {

    @Inject
    ReferralStore store;

    @Inject
    CommissionPostings postings;

    @Inject
    RevenuePolicies policies;

    @Inject
    GovernanceSettings settings;

    @Inject
    OrderHolds holds;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ReferralRefused> refusedEvents;

    @Inject
    Event<CommissionEarned> earnedEvents;

    @Transactional(Transactional.TxType.MANDATORY)
    void onPlaced(@Observes OrderPlaced e) {
        if (e.referralCode() == null) {
            return;
        }
        Optional<ReferralStore.Link> link = store.link(e.referralCode());
        if (link.isEmpty()) {
            return; // an unknown or mistyped code: the sale is simply unattributed
        }
        PolicyVersion policy = policies.inForceAt(e.placedAt());
        List<Integer> rates = policy.policy().commissionBps() == null ? List.of() : policy.policy().commissionBps();
        int levels = ReferralChain.paidLevels(rates.size(), settings.current().parameters().maxReferralLevels());
        if (store.referrerOf(e.buyer()).isEmpty()) {
            store.lockGraph(); // a new edge may be made: serialise it against every other new edge
        }
        ReferralChain.Attribution a = ReferralChain.attribute(e.buyer(), link.get().owner(), store::referrerOf, levels);
        String subject = "order:" + e.orderId();
        if (!a.attributed()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("orderId", e.orderId().toString());
            p.put("code", e.referralCode());
            p.put("reason", a.refused());
            audit.record("economy.referral.refused", subject, e.placedAt(), p);
            refusedEvents.fire(new ReferralRefused(e.orderId(), e.buyer(), link.get().owner(), a.refused(),
                e.placedAt()));
            return;
        }
        if (a.newEdge() && store.insertEdge(e.buyer(), link.get().owner(), e.orderId(), e.placedAt())) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("partner", e.buyer());
            p.put("referrer", link.get().owner());
            p.put("orderId", e.orderId().toString());
            audit.record("economy.referral.edge", "party-referrer:" + e.buyer(), e.placedAt(), p);
        }
        List<Map<String, Object>> frozen = new ArrayList<>();
        for (OrderPlaced.PlacedLine line : e.lines()) {
            for (int i = 0; i < a.levels().size(); i++) {
                int bps = rates.get(i);
                if (bps <= 0) {
                    continue;
                }
                long pending = CommissionMath.pending(line.amount(), bps);
                store.insertCommission(new ReferralStore.Commission(0, Ids.newId(), e.orderId(), line.lineNo(), i + 1,
                    a.levels().get(i), e.buyer(), e.asset(), policy.version(), bps, line.amount(), line.quantity(),
                    pending, 0, 0, 0, "PENDING", e.placedAt(), null, null, null, null));
                frozen.add(Map.of("lineNo", line.lineNo(), "level", i + 1, "referrer", a.levels().get(i),
                    "rateBps", bps, "pending", Long.toString(pending)));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orderId", e.orderId().toString());
        p.put("code", e.referralCode());
        p.put("policyVersion", policy.version());
        p.put("asset", e.asset());
        p.put("commissions", frozen);
        audit.record("economy.referral.attributed", subject, e.placedAt(), p);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onSettled(@Observes OrderSettled e) {
        List<ReferralStore.Commission> rows = store.ofOrder(e.orderId());
        if (rows.isEmpty()) {
            return;
        }
        Map<Integer, OrderSettled.SettledLine> lines = new LinkedHashMap<>();
        e.lines().forEach(l -> lines.put(l.lineNo(), l));
        boolean withheld = holds.withheld(e.orderId());
        List<ReferralStore.Commission> settled = new ArrayList<>();
        for (ReferralStore.Commission c : rows) {
            if (!"PENDING".equals(c.status())) {
                continue;
            }
            OrderSettled.SettledLine l = lines.get(c.lineNo());
            CommissionMath.Settled s = CommissionMath.settle(c.pending(), l.quantity(), l.refundedQuantity());
            settled.add(new ReferralStore.Commission(c.seq(), c.id(), c.orderId(), c.lineNo(), c.level(), c.referrer(),
                c.buyer(), c.asset(), c.policyVersion(), c.rateBps(), c.lineAmount(), c.quantity(), c.pending(),
                s.earned(), s.clawedBack(), 0, c.status(), c.placedAt(), e.settledAt(), e.merchantReceivableAccount(),
                null, null));
        }
        if (withheld) {
            for (ReferralStore.Commission c : settled) {
                store.settle(c.id(), "WITHHELD", c.earned(), c.clawedBack(), e.settledAt(), c.receivable(), null, null);
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("orderId", e.orderId().toString());
            p.put("withheld", Long.toString(settled.stream().mapToLong(ReferralStore.Commission::earned).sum()));
            audit.record("economy.commission.withheld", "order:" + e.orderId(), e.settledAt(), p);
            return;
        }
        grant(e.orderId(), settled, e.settledAt());
    }

    /** Posts the settled commissions of one order in one entry and audits each (a clawed-back one too). */
    private void grant(UUID orderId, List<ReferralStore.Commission> settled, Instant at) {
        UUID entry = postings.post(orderId, settled, at);
        for (ReferralStore.Commission c : settled) {
            if (c.pending() == 0) {
                store.settle(c.id(), "VOID", 0, 0, at, null, null, null);
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("orderId", orderId.toString());
            p.put("lineNo", c.lineNo());
            p.put("level", c.level());
            p.put("referrer", c.referrer());
            p.put("asset", c.asset());
            p.put("policyVersion", c.policyVersion());
            p.put("rateBps", c.rateBps());
            p.put("pending", Long.toString(c.pending()));
            p.put("earned", Long.toString(c.earned()));
            p.put("clawedBack", Long.toString(c.clawedBack()));
            if (entry != null && c.earned() > 0) {
                p.put("ledgerEntryId", entry.toString());
            }
            AuditReceipt r = audit.record(c.earned() > 0 ? "economy.commission.earned" : "economy.commission.clawed-back",
                "commission:" + c.id(), at, p);
            store.settle(c.id(), c.earned() > 0 ? "EARNED" : "VOID", c.earned(), c.clawedBack(), at, c.receivable(),
                c.earned() > 0 ? entry : null, r.entryId());
            if (c.earned() > 0) {
                earnedEvents.fire(new CommissionEarned(orderId, c.referrer(), c.level(), c.asset(), c.earned(),
                    r.entryId(), at));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCanceled(@Observes OrderCanceled e) {
        voidAll(e.orderId(), "PENDING", "economy.commission.voided", e.canceledAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onHoldReleased(@Observes OrderHoldReleased e) {
        if (e.confirmed()) {
            voidAll(e.orderId(), "WITHHELD", "economy.commission.forfeited", e.at());
            return;
        }
        List<ReferralStore.Commission> withheld = store.ofOrder(e.orderId()).stream()
            .filter(c -> "WITHHELD".equals(c.status())).toList();
        if (!withheld.isEmpty()) {
            grant(e.orderId(), withheld, e.at());
        }
    }

    private void voidAll(UUID orderId, String from, String auditType, Instant at) {
        List<ReferralStore.Commission> rows = store.ofOrder(orderId).stream().filter(c -> from.equals(c.status()))
            .toList();
        if (rows.isEmpty()) {
            return;
        }
        rows.forEach(c -> store.settle(c.id(), "VOID", 0, 0, at, null, null, null));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orderId", orderId.toString());
        p.put("commissions", rows.size());
        audit.record(auditType, "order:" + orderId, at, p);
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public CommissionPage mine(PartyId referrer, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        List<ReferralStore.Commission> rows = store.page(referrer.value(), decode(cursor), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(("c" + rows.get(limit - 1).seq())
                .getBytes(StandardCharsets.US_ASCII));
        }
        return new CommissionPage(rows.stream().map(c -> new CommissionView(c.id(), c.orderId(), c.lineNo(), c.level(),
            c.asset(), c.policyVersion(), c.rateBps(), c.lineAmount(), c.pending(), c.earned(), c.clawedBack(), c.paid(),
            c.status(), c.placedAt(), c.settledAt())).toList(), next, store.totals(referrer.value()));
    }

    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!s.matches("c[0-9]{1,18}")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(s.substring(1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a cursor this API gave out");
        }
    }
}
