package io.copartner.economy.settlement;

import io.copartner.economy.api.CoCreationEarnings;
import io.copartner.economy.api.CoCreationPayoutApprovals;
import io.copartner.economy.api.Settlement;
import io.copartner.economy.shared.EconomyIdempotency;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Periods with their progress, four-eyes approvals and partners' statements. */
@ApplicationScoped
public class SettlementService implements Settlement {

    static final String FORMULA = "myShare = largestRemainder(pool, weights)[me]: floor(pool × myWeight / totalWeight) "
        + "plus one unit if my remainder is among the largest; ";

    @Inject
    SettlementStore store;

    @Inject
    AuditTrail audit;

    @Inject
    RevenuePolicies policies;

    @Inject
    CoCreationEarnings coCreation;

    @Inject
    CoCreationPayoutApprovals coCreationApprovals;

    @Inject
    EconomyIdempotency idempotency;

    @Override
    @Transactional
    public List<PeriodView> periods(String cursor, int limit) {
        return store.periods(cursor, limit).stream().map(this::view).toList();
    }

    @Override
    @Transactional
    public Optional<PeriodView> period(String periodId) {
        return store.find(periodId).map(this::view);
    }

    private PeriodView view(SettlementStore.Period p) {
        List<PoolView> pools = store.pools(p.id()).stream().map(x -> new PoolView(x.asset(), Long.toString(x.inflow()),
            Long.toString(x.carriedIn()), x.totalWeight(), Long.toString(x.distributed()),
            Long.toString(x.undistributed()))).toList();
        // Revenue shares wait while the period is CLOSING; co-creation payouts were held at CLOSING and may wait on.
        List<PayoutView> awaiting = new ArrayList<>(p.state().equals("CLOSING")
            ? store.awaiting(p.id()).stream().map(SettlementService::payout).toList() : List.of());
        if (!p.state().equals("OPEN")) {
            awaiting.addAll(coCreationApprovals.awaitingApproval(p.id()));
        }
        return new PeriodView(p.id(), p.start(), p.end(), p.state(), p.policyVersion(), p.total(), p.done(), pools,
            awaiting, p.closedAt());
    }

    static PayoutView payout(SettlementStore.Payout p) {
        return new PayoutView(p.id(), p.periodId(), p.partner(), p.asset(), Long.toString(p.amount()), p.status(),
            p.firstApprover(), p.secondApprover(), p.auditEntry(), "REVENUE_SHARE", null);
    }

    /** A revenue-share payout, else a co-creation payout, as it is now (locked). */
    private Optional<PayoutView> find(UUID payoutId) {
        Optional<PayoutView> share = store.lockPayout(payoutId).map(SettlementService::payout);
        return share.isPresent() ? share : coCreationApprovals.payout(payoutId);
    }

    @Override
    @Transactional
    public Idempotent<PayoutView> approve(UUID payoutId, PartyId admin, IdempotencyKey key, String fingerprint) {
        // Claimed first, in this transaction: a retry of a lost answer replays, and never reaches the four-eyes
        // check (which would call the same admin's second attempt a second approval and refuse it).
        Optional<String> replay = idempotency.claim(new IdempotentRequest(key, "economy.payout.approve", admin,
            fingerprint), payoutId.toString());
        if (replay.isPresent()) {
            return Idempotent.replay(find(UUID.fromString(replay.get())).orElseThrow());
        }
        Optional<SettlementStore.Payout> share = store.lockPayout(payoutId);
        if (share.isEmpty()) {
            return Idempotent.fresh(coCreationApprovals.approve(payoutId, admin)
                .orElseThrow(() -> ProblemException.notFound("No payout " + payoutId + ".")));
        }
        SettlementStore.Payout p = share.get();
        if (!p.status().equals("AWAITING_APPROVAL")) {
            throw ProblemException.conflict("payout " + payoutId + " is " + p.status() + ": nothing to approve");
        }
        int approval;
        if (p.firstApprover() == null) {
            store.approve(payoutId, admin.value(), null);
            approval = 1;
        } else if (p.firstApprover().equals(admin.value())) {
            throw ProblemException.conflict("four eyes: " + admin.value() + " approved this payout already; a "
                + "different admin must give the second approval");
        } else {
            store.approve(payoutId, p.firstApprover(), admin.value());
            approval = 2;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("payoutId", payoutId.toString());
        payload.put("periodId", p.periodId());
        payload.put("partner", p.partner());
        payload.put("asset", p.asset());
        payload.put("amount", Long.toString(p.amount()));
        payload.put("approver", admin.value());
        payload.put("approval", approval);
        audit.record("economy.payout.approved", "settlement-period:" + p.periodId(), Instant.now(), payload);
        return Idempotent.fresh(payout(store.lockPayout(payoutId).orElseThrow()));
    }

    @Override
    @Transactional
    public List<Statement> statements(PartyId partner) {
        List<Statement> out = new ArrayList<>();
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        ids.addAll(store.periodsOf(partner.value()));
        ids.addAll(coCreation.periodsOf(partner.value()));
        for (String id : ids) {
            statement(partner, id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    @Transactional
    public Optional<Statement> statement(PartyId partner, String periodId) {
        Optional<SettlementStore.Period> period = store.find(periodId);
        List<SettlementStore.Weight> mine = store.weightsOf(partner.value(), periodId);
        List<CoCreationLine> coCreated = period.isEmpty() ? List.of() : coCreation.lines(partner.value(), periodId);
        if (period.isEmpty() || mine.isEmpty() && coCreated.isEmpty()) {
            return Optional.empty();
        }
        Map<String, SettlementStore.Pool> pools = new LinkedHashMap<>();
        store.pools(periodId).forEach(x -> pools.put(x.asset(), x));
        List<StatementLine> lines = new ArrayList<>();
        for (SettlementStore.Weight w : mine) {
            SettlementStore.Pool pool = pools.get(w.asset());
            // Allocated: the factors the close used; not yet: those of the policy in force for the period.
            WeightFactors f = pool != null ? pool.factors()
                : WeightFactors.of(policies.inForceAt(period.get().start()).policy().contributionWeights());
            Optional<SettlementStore.Payout> payout = store.payoutOf(periodId, w.asset(), partner.value());
            lines.add(new StatementLine(w.asset(), Long.toString(w.spend()), Long.toString(w.referrals()),
                w.weight(f).toString(), pool == null ? null : pool.totalWeight(),
                pool == null ? null : Long.toString(pool.inflow() + pool.carriedIn()),
                pool == null ? null : Long.toString(payout.map(SettlementStore.Payout::amount).orElse(0L)),
                pool == null ? "OPEN" : payout.map(SettlementStore.Payout::status).orElse("NONE"),
                FORMULA + f.formula(), Long.toString(w.coCreation()),
                new WeightsView(f.spendBps(), f.referralsBps(), f.coCreationBps(), f.divisor())));
        }
        SettlementStore.Period p = period.get();
        return Optional.of(new Statement(p.id(), p.start(), p.end(), p.state(), lines, coCreated));
    }
}
