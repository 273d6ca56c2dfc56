package io.copartner.economy.api;

import io.copartner.kernel.id.PartyId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Four eyes on co-creation payouts (issue 12 items 3 and 4): a co-creator's payout above
 * {@code COPARTNER_PAYOUT_APPROVAL_THRESHOLD} is held at the period's close, and {@link Settlement#approve} routes its
 * approvals here, so admins have one queue for every large payout.
 */
public interface CoCreationPayoutApprovals {

    /** The period's co-creation payouts held for two admins' approval (at most 100). */
    List<Settlement.PayoutView> awaitingApproval(String periodId);

    /** The co-creation payout as it is now; empty when no co-creation payout has this id. */
    Optional<Settlement.PayoutView> payout(UUID payoutId);

    /**
     * One admin's approval of a held co-creation payout, in the caller's transaction (which holds the idempotency
     * claim): the first is recorded; the second, by a different admin, pays it (a ledger entry from the co-creation
     * payable to the wallet and its {@code economy.cocreation.payout} audit entry). The same admin twice, or a payout
     * that is not held, is a 409 conflict. Each approval is audited ({@code economy.cocreation.payout.approved}).
     * Empty when no co-creation payout has this id.
     */
    Optional<Settlement.PayoutView> approve(UUID payoutId, PartyId admin);
}
