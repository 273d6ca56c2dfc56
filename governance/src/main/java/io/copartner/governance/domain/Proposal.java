package io.copartner.governance.domain;

import io.copartner.governance.api.KindParameters;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A proposal with its parameters frozen at creation (later parameter changes never move it) and its life cycle.
 * Timed transitions are computed from the stored instants and {@code now}, so they are the same whoever applies
 * them (the scheduler, or an action that arrives first) and however late.
 */
@Entity
@Table(name = "proposal", schema = "governance")
public class Proposal {

    @Id
    @Column(name = "id")
    private UUID id;

    /** Creation order (database sequence), the cursor of the newest-first listing. */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private ProposalKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private ProposalState state;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "description", nullable = false, length = 20000)
    private String description;

    /** The links, one per line. */
    @Column(name = "links", nullable = false, length = 10000)
    private String links;

    @Column(name = "author_did", length = 300)
    private String authorDid;

    @Column(name = "author_party", nullable = false, length = 300)
    private String authorParty;

    @Column(name = "product_ref", length = 200)
    private String productRef;

    @Column(name = "merchant_did", length = 300)
    private String merchantDid;

    /** A REVENUE_POLICY's policy or a GOVERNANCE_PARAMETERS's parameters, in {@link ParameterCodec}'s text form. */
    @Column(name = "payload", length = 20000)
    private String payload;

    /** A PRODUCT_LISTING's co-creators in {@link CoCreatorCodec}'s text form; null when it names none. */
    @Column(name = "co_creators", length = 8000)
    private String coCreators;

    @Column(name = "parameters_version", nullable = false)
    private int parametersVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "strategy", nullable = false, length = 30)
    private WeightStrategy strategy;

    @Column(name = "quorum_bps", nullable = false)
    private int quorumBps;

    @Column(name = "threshold_bps", nullable = false)
    private int thresholdBps;

    @Column(name = "timelock_seconds", nullable = false)
    private long timelockSeconds;

    @Column(name = "grace_seconds", nullable = false)
    private long graceSeconds;

    @Column(name = "late_quorum_seconds", nullable = false)
    private long lateQuorumSeconds;

    @Column(name = "contribution_cap", nullable = false)
    private long contributionCap;

    @Column(name = "contribution_window_seconds", nullable = false)
    private long contributionWindowSeconds;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "voting_starts_at", nullable = false)
    private Instant votingStartsAt;

    @Column(name = "voting_ends_at", nullable = false)
    private Instant votingEndsAt;

    @Column(name = "voting_extended", nullable = false)
    private boolean votingExtended;

    @Column(name = "queued_at")
    private Instant queuedAt;

    @Column(name = "eta")
    private Instant eta;

    @Column(name = "executed_at")
    private Instant executedAt;

    @Column(name = "canceled_at")
    private Instant canceledAt;

    /** When the scheduler next has work on this proposal; null once it has none. */
    @Column(name = "next_due_at")
    private Instant nextDueAt;

    protected Proposal() {
    }

    /** A new PENDING proposal; voting starts after the kind's delay and lasts its period. */
    public Proposal(UUID id, ProposalKind kind, String title, String description, String links, String authorDid,
                    String authorParty, String productRef, String merchantDid, String payload,
                    int parametersVersion, KindParameters p, Instant now, String coCreators) {
        this.coCreators = coCreators;
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.state = ProposalState.PENDING;
        this.title = title;
        this.description = description;
        this.links = links;
        this.authorDid = authorDid;
        this.authorParty = authorParty;
        this.productRef = productRef;
        this.merchantDid = merchantDid;
        this.payload = payload;
        this.parametersVersion = parametersVersion;
        this.strategy = p.strategy();
        this.quorumBps = p.quorumBps();
        this.thresholdBps = p.thresholdBps();
        this.timelockSeconds = p.timelockSeconds();
        this.graceSeconds = p.graceSeconds();
        this.lateQuorumSeconds = p.lateQuorumSeconds();
        this.contributionCap = p.contributionCap();
        this.contributionWindowSeconds = p.contributionWindowSeconds();
        this.createdAt = now;
        this.votingStartsAt = now.plusSeconds(p.votingDelaySeconds());
        this.votingEndsAt = votingStartsAt.plusSeconds(p.votingPeriodSeconds());
        this.nextDueAt = votingStartsAt;
    }

    /**
     * The transition time has made due at {@code now}, if any. A QUEUED proposal past its grace period expires even
     * when the scheduler would execute it (it was down too long: OpenZeppelin's rule).
     */
    public Optional<TimedStep> dueStep(Instant now, boolean autoExecute) {
        return Optional.ofNullable(switch (state) {
            case PENDING -> now.isBefore(votingStartsAt) ? null : TimedStep.START_VOTING;
            case ACTIVE -> now.isBefore(votingEndsAt) ? null : TimedStep.END_VOTING;
            case QUEUED -> !now.isBefore(expiresAt()) ? TimedStep.EXPIRE
                : autoExecute && !now.isBefore(eta) ? TimedStep.EXECUTE : null;
            default -> null;
        });
    }

    /**
     * After the due steps were applied: when nothing more is due now (a queued proposal nobody executes
     * automatically), the scheduler's next visit is at expiry, not again and again at the eta.
     */
    public void settle(Instant now, boolean autoExecute) {
        if (state.isFinal() || state == ProposalState.SUCCEEDED) {
            nextDueAt = null;
        } else if (state == ProposalState.QUEUED && !autoExecute && !now.isBefore(eta)) {
            nextDueAt = expiresAt();
        }
    }

    public void startVoting(Instant now) {
        requireDue(now, votingStartsAt, "voting has not started");
        state = state.after(ProposalState.Action.START);
        nextDueAt = votingEndsAt;
    }

    /** Ends voting with the final tally's result. */
    public void endVoting(Instant now, boolean succeeded) {
        requireDue(now, votingEndsAt, "voting has not ended");
        state = state.after(succeeded ? ProposalState.Action.PASS : ProposalState.Action.FAIL);
        nextDueAt = null;
    }

    public void queue(Instant now) {
        state = state.after(ProposalState.Action.QUEUE);
        queuedAt = now;
        eta = now.plusSeconds(timelockSeconds);
        nextDueAt = eta;
    }

    /**
     * Executes after the timelock and before expiry. False, with no change, when already executed (idempotent: the
     * caller then has no effect to apply); 409 in any other state or before the eta.
     */
    public boolean execute(Instant now) {
        if (state == ProposalState.EXECUTED) {
            return false;
        }
        ProposalState next = state.after(ProposalState.Action.EXECUTE);
        if (now.isBefore(eta)) {
            throw ProblemException.of(ProblemType.PROPOSAL_STATE, "The timelock has not passed: this proposal can be executed from " + eta + ".");
        }
        if (!now.isBefore(expiresAt())) {
            throw ProblemException.of(ProblemType.PROPOSAL_STATE, "The grace period ended at " + expiresAt() + ": this proposal has expired.");
        }
        state = next;
        executedAt = now;
        nextDueAt = null;
        return true;
    }

    public void expire(Instant now) {
        requireDue(now, expiresAt(), "the grace period has not ended");
        state = state.after(ProposalState.Action.EXPIRE);
        nextDueAt = null;
    }

    public void cancel(Instant now) {
        state = state.after(ProposalState.Action.CANCEL);
        canceledAt = now;
        nextDueAt = null;
    }

    /**
     * OpenZeppelin's GovernorPreventLateQuorum: when quorum is first reached less than {@code lateQuorumSeconds}
     * before the end, voting ends {@code lateQuorumSeconds} after that moment instead. At most once; true if the end
     * moved.
     */
    public boolean quorumFirstReached(Instant at) {
        if (votingExtended || lateQuorumSeconds <= 0 || state != ProposalState.ACTIVE || !at.isBefore(votingEndsAt)) {
            return false;
        }
        votingExtended = true;
        Instant extended = at.plusSeconds(lateQuorumSeconds);
        if (!extended.isAfter(votingEndsAt)) {
            return false;
        }
        votingEndsAt = extended;
        nextDueAt = votingEndsAt;
        return true;
    }

    /** Null until queued. */
    public Instant expiresAt() {
        return eta == null ? null : eta.plusSeconds(graceSeconds);
    }

    private static void requireDue(Instant now, Instant due, String what) {
        if (due == null || now.isBefore(due)) {
            throw ProblemException.of(ProblemType.PROPOSAL_STATE, "Too early: " + what + ".");
        }
    }

    public UUID id() { return id; }
    public String coCreators() { return coCreators; }
    public Long seq() { return seq; }
    public ProposalKind kind() { return kind; }
    public ProposalState state() { return state; }
    public String title() { return title; }
    public String description() { return description; }
    public String links() { return links; }
    public String authorDid() { return authorDid; }
    public String authorParty() { return authorParty; }
    public String productRef() { return productRef; }
    public String merchantDid() { return merchantDid; }
    public String payload() { return payload; }
    public int parametersVersion() { return parametersVersion; }
    public WeightStrategy strategy() { return strategy; }
    public int quorumBps() { return quorumBps; }
    public int thresholdBps() { return thresholdBps; }
    public long timelockSeconds() { return timelockSeconds; }
    public long graceSeconds() { return graceSeconds; }
    public long lateQuorumSeconds() { return lateQuorumSeconds; }
    public long contributionCap() { return contributionCap; }
    public long contributionWindowSeconds() { return contributionWindowSeconds; }
    public Instant createdAt() { return createdAt; }
    public Instant votingStartsAt() { return votingStartsAt; }
    public Instant votingEndsAt() { return votingEndsAt; }
    public boolean votingExtended() { return votingExtended; }
    public Instant queuedAt() { return queuedAt; }
    public Instant eta() { return eta; }
    public Instant executedAt() { return executedAt; }
    public Instant canceledAt() { return canceledAt; }
    public Instant nextDueAt() { return nextDueAt; }
}
