package io.copartner.governance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.governance.api.KindParameters;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The life cycle against a clock: delay 2 s, period 20 s, timelock 3 s, grace 10 s, late quorum 5 s. */
class ProposalLifecycleTest {

    static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");
    static final KindParameters P = new KindParameters(2L, 20L, 1000, 5000, 3L, 10L, 5L, 0L,
        WeightStrategy.ONE_MEMBER_ONE_VOTE, 1000L, 3600L);

    static Proposal proposal() {
        return new Proposal(UUID.randomUUID(), ProposalKind.GENERAL, "t", "d", "", "did:key:z6Mk", "party:a", null,
            null, null, 1, P, T0, null);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aWholeLifeCycleOnTime() {
        Proposal p = proposal();
        assertEquals(at(2), p.votingStartsAt());
        assertEquals(at(22), p.votingEndsAt());
        assertEquals(Optional.empty(), p.dueStep(at(1), true));
        assertEquals(Optional.of(TimedStep.START_VOTING), p.dueStep(at(2), true));
        p.startVoting(at(2));
        assertEquals(ProposalState.ACTIVE, p.state());
        assertEquals(Optional.empty(), p.dueStep(at(21), true));
        assertEquals(Optional.of(TimedStep.END_VOTING), p.dueStep(at(22), true));
        p.endVoting(at(22), true);
        assertEquals(ProposalState.SUCCEEDED, p.state());
        assertEquals(Optional.empty(), p.dueStep(at(1000), true), "SUCCEEDED waits for a queue call");
        p.queue(at(23));
        assertEquals(at(26), p.eta());
        assertEquals(at(36), p.expiresAt());
        assertEquals(Optional.empty(), p.dueStep(at(25), true));
        assertEquals(Optional.of(TimedStep.EXECUTE), p.dueStep(at(26), true));
        assertEquals(Optional.empty(), p.dueStep(at(26), false));
        assertTrue(p.execute(at(26)));
        assertEquals(ProposalState.EXECUTED, p.state());
        assertEquals(at(26), p.executedAt());
        assertNull(p.nextDueAt());
    }

    @Test
    void executionIsIdempotent() {
        Proposal p = queued();
        assertTrue(p.execute(at(30)));
        assertFalse(p.execute(at(31)), "a second execute has no effect");
        assertEquals(at(30), p.executedAt());
    }

    @Test
    void executeBeforeTheEtaIsRefused() {
        Proposal p = queued();
        ProblemException e = assertThrows(ProblemException.class, () -> p.execute(at(25)));
        assertEquals(ProblemType.PROPOSAL_STATE.uri(), e.problem().type());
        assertEquals(ProposalState.QUEUED, p.state());
    }

    @Test
    void expiryAfterTheGracePeriod() {
        Proposal p = queued();
        assertEquals(Optional.of(TimedStep.EXPIRE), p.dueStep(at(36), true), "expiry wins over a late execution");
        assertThrows(ProblemException.class, () -> p.execute(at(36)));
        p.expire(at(36));
        assertEquals(ProposalState.EXPIRED, p.state());
        assertThrows(ProblemException.class, () -> p.execute(at(37)));
    }

    @Test
    void withoutAutoExecutionTheSchedulerNextVisitsAtExpiry() {
        Proposal p = queued();
        p.settle(at(27), false);
        assertEquals(at(36), p.nextDueAt());
    }

    @Test
    void defeated() {
        Proposal p = proposal();
        p.startVoting(at(2));
        p.endVoting(at(22), false);
        assertEquals(ProposalState.DEFEATED, p.state());
        assertThrows(ProblemException.class, () -> p.queue(at(23)));
    }

    @Test
    void transitionsAreNotAppliedEarly() {
        Proposal p = proposal();
        assertThrows(ProblemException.class, () -> p.startVoting(at(1)));
        p.startVoting(at(2));
        assertThrows(ProblemException.class, () -> p.endVoting(at(21), true));
    }

    @Test
    void lateQuorumExtendsOnceFromTheMomentQuorumWasReached() {
        Proposal p = proposal();
        p.startVoting(at(2));
        assertTrue(p.quorumFirstReached(at(19)));
        assertEquals(at(24), p.votingEndsAt(), "19 + 5");
        assertEquals(at(24), p.nextDueAt());
        assertFalse(p.quorumFirstReached(at(23)), "at most once");
        assertEquals(at(24), p.votingEndsAt());
    }

    @Test
    void quorumReachedEarlyDoesNotExtend() {
        Proposal p = proposal();
        p.startVoting(at(2));
        assertFalse(p.quorumFirstReached(at(10)));
        assertEquals(at(22), p.votingEndsAt());
        assertFalse(p.quorumFirstReached(at(20)), "the first reach counts, even when it did not extend");
    }

    @Test
    void quorumReachedExactlyAtTheWindowEdge() {
        Proposal p = proposal();
        p.startVoting(at(2));
        assertFalse(p.quorumFirstReached(at(17)), "17 + 5 = 22 is not later than the end");
        assertEquals(at(22), p.votingEndsAt());
    }

    @Test
    void lateQuorumZeroTurnsTheExtensionOff() {
        KindParameters off = new KindParameters(2L, 20L, 1000, 5000, 3L, 10L, 0L, 0L,
            WeightStrategy.ONE_MEMBER_ONE_VOTE, 1000L, 3600L);
        Proposal p = new Proposal(UUID.randomUUID(), ProposalKind.GENERAL, "t", "d", "", null, "party:a", null, null,
            null, 1, off, T0, null);
        p.startVoting(at(2));
        assertFalse(p.quorumFirstReached(at(21)));
        assertEquals(at(22), p.votingEndsAt());
    }

    @Test
    void quorumReportedInAPendingProposalChangesNothing() {
        Proposal p = proposal();
        assertFalse(p.quorumFirstReached(at(1)));
    }

    @Test
    void cancelInEachState() {
        Proposal pending = proposal();
        pending.cancel(at(1));
        assertEquals(ProposalState.CANCELED, pending.state());
        assertNull(pending.nextDueAt());

        Proposal active = proposal();
        active.startVoting(at(2));
        active.cancel(at(3));
        assertEquals(ProposalState.CANCELED, active.state());

        Proposal succeeded = proposal();
        succeeded.startVoting(at(2));
        succeeded.endVoting(at(22), true);
        succeeded.cancel(at(23));
        assertEquals(ProposalState.CANCELED, succeeded.state());

        Proposal queued = queued();
        queued.cancel(at(24));
        assertEquals(ProposalState.CANCELED, queued.state());
        assertThrows(ProblemException.class, () -> queued.execute(at(30)));

        Proposal defeated = proposal();
        defeated.startVoting(at(2));
        defeated.endVoting(at(22), false);
        assertThrows(ProblemException.class, () -> defeated.cancel(at(23)));

        Proposal executed = queued();
        executed.execute(at(30));
        assertThrows(ProblemException.class, () -> executed.cancel(at(31)));

        Proposal expired = queued();
        expired.expire(at(40));
        assertThrows(ProblemException.class, () -> expired.cancel(at(41)));

        assertThrows(ProblemException.class, () -> pending.cancel(at(2)), "canceled twice");
    }

    @Test
    void theStateMachineAllowsExactlyOpenZeppelinsArrows() {
        for (ProposalState s : ProposalState.values()) {
            assertEquals(s == ProposalState.PENDING, s.allows(ProposalState.Action.START), s + " START");
            assertEquals(s == ProposalState.ACTIVE, s.allows(ProposalState.Action.PASS), s + " PASS");
            assertEquals(s == ProposalState.ACTIVE, s.allows(ProposalState.Action.FAIL), s + " FAIL");
            assertEquals(s == ProposalState.SUCCEEDED, s.allows(ProposalState.Action.QUEUE), s + " QUEUE");
            assertEquals(s == ProposalState.QUEUED, s.allows(ProposalState.Action.EXECUTE), s + " EXECUTE");
            assertEquals(s == ProposalState.QUEUED, s.allows(ProposalState.Action.EXPIRE), s + " EXPIRE");
            assertEquals(!s.isFinal(), s.allows(ProposalState.Action.CANCEL), s + " CANCEL");
        }
    }

    static Proposal queued() {
        Proposal p = proposal();
        p.startVoting(at(2));
        p.endVoting(at(22), true);
        p.queue(at(23));
        return p;
    }
}
