package io.copartner.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AccountKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountAndBalanceRuleTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void walletsMayNotGoNegativeButFundingMay() {
        assertTrue(BalanceRule.permits(true, 100, -100));
        assertFalse(BalanceRule.permits(true, 100, -101));
        assertTrue(BalanceRule.permits(true, 0, 1));
        assertTrue(BalanceRule.permits(false, 0, -1_000));
        assertFalse(BalanceRule.permits(false, Long.MIN_VALUE, -1), "overflow is never permitted");
        assertFalse(BalanceRule.permits(true, Long.MAX_VALUE, 1));
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
