package io.copartner.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AccountKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountAndBalanceRuleTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static boolean permits(boolean nonNegative, long balance, long delta) {
        return BalanceRule.move(UUID.randomUUID(), nonNegative, delta).permits(balance);
    }

    @Test
    void walletsMayNotGoNegativeButFundingMay() {
        assertTrue(permits(true, 100, -100));
        assertFalse(permits(true, 100, -101));
        assertTrue(permits(true, 0, 1));
        assertTrue(permits(false, 0, -1_000));
        assertFalse(permits(false, Long.MIN_VALUE, -1), "overflow is never permitted");
        assertFalse(permits(true, Long.MAX_VALUE, 1));
        assertTrue(permits(true, Long.MAX_VALUE - 1, 1));
        assertTrue(permits(false, Long.MIN_VALUE + 1, -1));
    }

    @Test
    void theGuardRangeNeverOverflowsAndNamesWhyAMoveIsRefused() {
        long max = EntryRules.MAX_AMOUNT;
        for (boolean nonNegative : new boolean[] {true, false}) {
            for (long delta : new long[] {-max, -1, 1, max}) {
                Move m = BalanceRule.move(UUID.randomUUID(), nonNegative, delta);
                // Exactly the balances for which balance + delta stays within the floor and Long.MAX_VALUE.
                long floor = nonNegative ? 0 : Long.MIN_VALUE;
                for (long balance : new long[] {Long.MIN_VALUE, floor, floor + 1, -delta, -delta - 1, 0, 1,
                    Long.MAX_VALUE - delta, Long.MAX_VALUE - delta + 1, Long.MAX_VALUE}) {
                    boolean exact;
                    try {
                        long after = Math.addExact(balance, delta);
                        exact = after >= floor && balance >= floor;
                    } catch (ArithmeticException e) {
                        exact = false;
                    }
                    assertEquals(exact, m.permits(balance), nonNegative + " " + balance + " + " + delta);
                }
            }
        }
        assertEquals(ProblemType.INSUFFICIENT_FUNDS.uri(),
            BalanceRule.move(UUID.randomUUID(), true, -1).refusal().problem().type());
        assertEquals(ProblemType.VALIDATION.uri(),
            BalanceRule.move(UUID.randomUUID(), true, 1).refusal().problem().type(), "an overflow is not a 409");
        assertEquals(ProblemType.VALIDATION.uri(),
            BalanceRule.move(UUID.randomUUID(), false, -1).refusal().problem().type());
    }

    @ParameterizedTest
    @EnumSource(AccountKind.class)
    void onlyCounterpartKindsMayGoNegative(AccountKind kind) {
        Asset asset = kind == AccountKind.POINTS_ISSUED ? Asset.points("acme") : Asset.of("CNY");
        Account a = Account.open(UUID.randomUUID(), "party:platform", asset, kind, "x", T);
        boolean negativeAllowed = kind == AccountKind.POINTS_ISSUED || kind == AccountKind.EXTERNAL_FUNDING;
        assertEquals(!negativeAllowed, a.nonNegative());
        assertEquals(0, a.balance());
    }

    @Test
    void pointsIssuedNeedsAPointsAsset() {
        assertThrows(ProblemException.class, () -> Account.open(UUID.randomUUID(), "party:platform", Asset.of("CNY"),
            AccountKind.POINTS_ISSUED, null, T));
        assertThrows(ProblemException.class, () -> Account.open(UUID.randomUUID(), "party:platform", Asset.of("CNY"),
            null, null, T));
        assertThrows(ProblemException.class, () -> Account.open(UUID.randomUUID(), "party:platform", Asset.of("CNY"),
            AccountKind.WALLET, " ", T));
    }

    @ParameterizedTest
    @ValueSource(strings = {"party:platform", "party:5c2f0b1e-8d3a-4c39-9a57-2f4d7b1e9c01",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "did:web:shop.example.com",
        "did:web:example.com%3A8443:merchants:7"})
    void ownersArePartyIdsOrDids(String owner) {
        assertTrue(Owners.isValid(owner));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "party:", "party:has space", "did:key:", "did:Key:abc", "did:web:x:",
        "mailto:alice@example.com"})
    void otherOwnersAreRefused(String owner) {
        assertFalse(Owners.isValid(owner));
        assertThrows(ProblemException.class, () -> Owners.requireValid(owner));
    }

    @Test
    void ownersAreBounded() {
        assertFalse(Owners.isValid("party:" + "a".repeat(295)));
        assertFalse(Owners.isValid(null));
    }
}
