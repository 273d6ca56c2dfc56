package io.copartner.economy.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.economy.fraud.Velocity;
import io.copartner.kernel.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The commission rules: chains at the cap paid, beyond refused, cycles and self-referral refused, exact clawback. */
class CommissionDomainTest {

    /** A graph given as partner → referrer. */
    static java.util.function.Function<String, Optional<String>> graph(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return p -> Optional.ofNullable(m.get(p));
    }

    @Test
    void aChainAtTheCapIsPaidAndDeeperLevelsAreNot() {
        var g = graph("a", "b", "b", "c", "c", "d");
        var two = ReferralChain.attribute("buyer", "a", g, 2);
        assertEquals(List.of("a", "b"), two.levels());
        assertTrue(two.newEdge());
        var three = ReferralChain.attribute("buyer", "a", g, 3);
        assertEquals(List.of("a", "b", "c"), three.levels(), "three levels at the hard cap, d is never paid");
    }

    @Test
    void aPolicyOrCapDeeperThanThreeIsRefused() {
        assertThrows(ProblemException.class, () -> ReferralChain.attribute("buyer", "a", graph(), 4));
        assertThrows(ProblemException.class, () -> ReferralChain.paidLevels(4, 2));
        assertThrows(ProblemException.class, () -> ReferralChain.paidLevels(2, 4));
        assertEquals(2, ReferralChain.paidLevels(3, null), "the default cap is two levels");
        assertEquals(1, ReferralChain.paidLevels(1, 3));
    }

    @Test
    void selfReferralIsRefused() {
        var a = ReferralChain.attribute("a", "a", graph(), 2);
        assertFalse(a.attributed());
        assertEquals("self-referral", a.refused());
    }

    @Test
    void aFirstPurchaseThatWouldCloseACycleIsRefused() {
        // buyer x refers b (b's first purchase came through x's link), b refers a: x buying through a's link would
        // make a x's referrer, a cycle x → a → b → x.
        var a = ReferralChain.attribute("x", "a", graph("a", "b", "b", "x"), 2);
        assertEquals("cycle", a.refused());
    }

    @Test
    void theBuyerIsNeverInTheirOwnChain() {
        // x already has a referrer (z), so no new edge; x buys through a's link and a's referrer is x: x is not paid.
        var a = ReferralChain.attribute("x", "a", graph("x", "z", "a", "x"), 2);
        assertEquals(List.of("a"), a.levels());
        assertFalse(a.newEdge());
    }

    @Test
    void aCorruptGraphWithALoopDoesNotHang() {
        var a = ReferralChain.attribute("buyer", "a", graph("a", "b", "b", "a"), 3);
        assertEquals(List.of("a", "b"), a.levels());
    }

    @Test
    void pendingIsRoundedDown() {
        assertEquals(1000, CommissionMath.pending(10_000, 1000));
        assertEquals(33, CommissionMath.pending(333, 1000));
        assertEquals(922_337_203_685_477L, CommissionMath.pending(Long.MAX_VALUE / 1000, 1000));
    }

    @Test
    void aPartialRefundClawsBackProRataExactly() {
        // 3 units, 1 refunded: 100 pending splits 67 earned (2/3) and 33 clawed back (1/3), summing to 100.
        CommissionMath.Settled s = CommissionMath.settle(100, 3, 1);
        assertEquals(67, s.earned());
        assertEquals(33, s.clawedBack());
        assertEquals(new CommissionMath.Settled(0, 100), CommissionMath.settle(100, 3, 3));
        assertEquals(new CommissionMath.Settled(100, 0), CommissionMath.settle(100, 3, 0));
    }

    @Property
    void earnedPlusClawedBackIsAlwaysThePending(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long pending,
                                                @ForAll @IntRange(min = 1, max = 1000) int quantity,
                                                @ForAll @IntRange(min = 0, max = 1000) int refunded) {
        int r = Math.min(refunded, quantity);
        CommissionMath.Settled s = CommissionMath.settle(pending, quantity, r);
        assertEquals(pending, s.earned() + s.clawedBack());
        // within one unit of the exact pro-rata share
        double exact = (double) pending * (quantity - r) / quantity;
        assertTrue(Math.abs(s.earned() - exact) < 1.0 + 1e-6, s + " vs " + exact);
    }

    @Test
    void aClawbackAfterPayoutBecomesDebtRecoveredFromLaterCommissions() {
        // 30 still payable, 100 clawed back: 30 from the payable account, 70 owed (never taken from the wallet).
        CommissionRecovery.Clawback c = CommissionRecovery.clawback(30, 0, 100);
        assertEquals(30, c.fromPayable());
        assertEquals(70, c.debt());
        // the next commission of 50 repays 50 of it, nothing payable; the one after repays 20 and pays 30.
        CommissionRecovery.Earning e1 = CommissionRecovery.earn(c.debt(), 50);
        assertEquals(new CommissionRecovery.Earning(50, 0, 20), e1);
        CommissionRecovery.Earning e2 = CommissionRecovery.earn(e1.debtLeft(), 50);
        assertEquals(new CommissionRecovery.Earning(20, 30, 0), e2);
        assertEquals(new CommissionRecovery.Earning(0, 40, 0), CommissionRecovery.earn(0, 40));
    }

    @Test
    void velocityAllowsUpToTheLimitThenSaysWhenToRetry() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        Duration hour = Duration.ofHours(1);
        List<Instant> two = List.of(now.minusSeconds(3000), now.minusSeconds(60));
        assertEquals(0, Velocity.retryAfter(two, 3, hour, now));
        long wait = Velocity.retryAfter(two, 2, hour, now);
        assertEquals(601, wait, "the oldest leaves the window in 600 s");
    }
}
