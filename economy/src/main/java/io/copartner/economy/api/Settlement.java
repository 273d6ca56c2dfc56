package io.copartner.economy.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotencyKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Revenue-share settlement (issue 12 item 3): periods of the governance calendar, their close (progress: partners
 * done of total), payouts above {@code COPARTNER_PAYOUT_APPROVAL_THRESHOLD} approved by two different admins, and
 * each partner's statements with the arithmetic.
 */
public interface Settlement {

    int MAX_PAGE = 100;

    /** Periods newest first; {@code cursor} is the {@code periodId} to continue before (exclusive), null first. */
    List<PeriodView> periods(String cursor, int limit);

    Optional<PeriodView> period(String periodId);

    /**
     * One admin's approval of a payout that waits for two (a revenue share or a co-creation payout): the first is
     * recorded, the second (another admin) releases it for payment; the same admin twice is refused (409 conflict). Each approval is audited. A retry under the same
     * Idempotency-Key approves nothing again and answers the payout as it is now (replayed); the key used for another
     * request is a 409 (idempotency-conflict).
     */
    Idempotent<PayoutView> approve(UUID payoutId, PartyId admin, IdempotencyKey key, String fingerprint);

    /** The partner's statements, newest first (periods in which the partner had a weight). */
    List<Statement> statements(PartyId partner);

    Optional<Statement> statement(PartyId partner, String periodId);

    /** A period as the admin screen shows it; {@code pendingApprovals} are payouts waiting for four eyes. */
    record PeriodView(String periodId, Instant start, Instant end, String state, Integer policyVersion,
                      int partnersTotal, int partnersDone, List<PoolView> pools, List<PayoutView> pendingApprovals,
                      Instant closedAt) {
    }

    /** Per asset: amounts as decimal-integer strings in minor units. */
    record PoolView(String asset, String inflow, String carriedIn, String totalWeight, String distributed,
                    String undistributed) {
    }

    /**
     * A payout: {@code kind} REVENUE_SHARE (the period's pool; PENDING after the second approval, then PAID by the
     * close) or CO_CREATION (a co-creator's share of {@code productId}; PAID at the second approval).
     */
    record PayoutView(UUID id, String periodId, String partner, String asset, String amount, String status,
                      String firstApprover, String secondApprover, Long auditEntryId, String kind, UUID productId) {
    }

    /**
     * What the partner got and why: share = pool × myWeight / totalWeight, largest remainder to the minor unit; and,
     * for a co-creator, their shares of the co-creation revenue of the products they co-created.
     */
    record Statement(String periodId, Instant start, Instant end, String state, List<StatementLine> lines,
                     List<CoCreationLine> coCreation) {
    }

    /**
     * A co-creator's line: of {@code productAccrued} (the co-creation share of the product's completed sales in the
     * period, net of refunds) the partner gets {@code myShare} = their {@code shareBps} of it, largest remainder among
     * the product's co-creators; {@code status} ACCRUING until the period closes, then PAID
     * (or AWAITING_APPROVAL while a payout above the approval threshold waits for two admins).
     */
    record CoCreationLine(String asset, UUID productId, UUID proposal, int shareBps, String productAccrued,
                          String myShare, String status, String formula) {
    }

    /**
     * A revenue-share line: {@code myWeight} = max(0, mySpend × spendBps + myReferrals × referralsBps + myCoCreation ×
     * coCreationBps) / divisor with the {@code contributionWeights} the close used (before it, those in force for the
     * period); {@code myCoCreation} is the partner's part of what their co-created products accrued in the period.
     */
    record StatementLine(String asset, String mySpend, String myReferrals, String myWeight, String totalWeight,
                         String pool, String myShare, String payoutStatus, String formula, String myCoCreation,
                         WeightsView contributionWeights) {
    }

    /** The policy's contribution weights (bps) and their greatest common divisor, which the weights are divided by. */
    record WeightsView(int spendBps, int referralsBps, int coCreationBps, int divisor) {
    }
}
