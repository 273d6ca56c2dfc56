package io.copartner.economy.cocreation;

import io.copartner.commerce.api.Wallets;
import io.copartner.economy.api.CoCreationPayoutApprovals;
import io.copartner.economy.api.Settlement;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Two different admins approve a held co-creation payout; the second approval pays it. */
@ApplicationScoped
public class CoCreationApprovals implements CoCreationPayoutApprovals {

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

    @Override
    @Transactional
    public List<Settlement.PayoutView> awaitingApproval(String periodId) {
        return store.awaiting(periodId).stream().map(CoCreationApprovals::view).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Settlement.PayoutView> payout(UUID payoutId) {
        return store.lockPayout(payoutId).map(CoCreationApprovals::view);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Settlement.PayoutView> approve(UUID payoutId, PartyId admin) {
        Optional<CoCreationStore.Payout> found = store.lockPayout(payoutId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CoCreationStore.Payout p = found.get();
        if (!p.status().equals("AWAITING_APPROVAL")) {
            throw ProblemException.conflict("co-creation payout " + payoutId + " is " + p.status()
                + ": nothing to approve");
        }
        if (admin.value().equals(p.firstApprover())) {
            throw ProblemException.conflict("four eyes: " + admin.value() + " approved this payout already; a "
                + "different admin must give the second approval");
        }
        Instant now = Instant.now();
        int approval = p.firstApprover() == null ? 1 : 2;
        store.approve(payoutId, approval == 1 ? admin.value() : p.firstApprover(), approval == 1 ? null : admin.value());
        Map<String, Object> approved = new java.util.LinkedHashMap<>();
        approved.put("payoutId", payoutId.toString());
        approved.put("periodId", p.periodId());
        approved.put("partner", p.party());
        approved.put("asset", p.asset());
        approved.put("amount", Long.toString(p.amount()));
        approved.put("productId", p.productId().toString());
        approved.put("approver", admin.value());
        approved.put("approval", approval);
        audit.record("economy.cocreation.payout.approved", "settlement-period:" + p.periodId(), now, approved);
        if (approval == 2) {
            pay(p, now);
        }
        return store.lockPayout(payoutId).map(CoCreationApprovals::view);
    }

    /** The second pair of eyes saw it: the payable pays the wallet, as the close would have below the threshold. */
    private void pay(CoCreationStore.Payout p, Instant now) {
        PostResult entry = ledger.post(new PostEntry("co-creation share " + p.periodId() + " " + p.asset()
            + " approved", List.of(new PostingLine(book.payable(p.asset()), p.asset(), -p.amount()),
                new PostingLine(wallets.walletAccount(PartyId.parse(p.party()), p.asset()), p.asset(), p.amount())),
            null), "economy.cocreation.payout:" + p.id());
        Map<String, Object> payload = CoCreationPayouts.payload(p.periodId(), new CoCreationPayouts.Due(p.productId(),
            p.asset(), new CoCreationStore.Share(p.productId(), 0, p.did(), p.party(), p.shareBps()),
            p.productAccrued(), p.amount()), p.id());
        payload.put("ledgerEntryId", entry.entry().id().toString());
        payload.put("heldEntry", p.heldEntry());
        AuditReceipt r = audit.record("economy.cocreation.payout", "settlement-period:" + p.periodId(), now, payload);
        store.markPaid(p.id(), entry.entry().id(), r.entryId(), now);
    }

    static Settlement.PayoutView view(CoCreationStore.Payout p) {
        return new Settlement.PayoutView(p.id(), p.periodId(), p.party(), p.asset(), Long.toString(p.amount()),
            p.status(), p.firstApprover(), p.secondApprover(), p.auditEntry() != null ? p.auditEntry() : p.heldEntry(),
            "CO_CREATION", p.productId());
    }
}
