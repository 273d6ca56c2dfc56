package io.copartner.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.PostingLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EntryRulesTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    final Account a = account("CNY", AccountKind.WALLET);
    final Account b = account("CNY", AccountKind.WALLET);
    final Account funding = account("CNY", AccountKind.EXTERNAL_FUNDING);
    final Account pa = account("PTS:acme", AccountKind.WALLET);
    final Account issued = account("PTS:acme", AccountKind.POINTS_ISSUED);
    final Map<UUID, Account> all = Stream.of(a, b, funding, pa, issued)
        .collect(Collectors.toMap(Account::id, Function.identity()));

    static Account account(String asset, AccountKind kind) {
        return Account.open(UUID.randomUUID(), "party:test", Asset.of(asset), kind, null, T);
    }

    static PostingLine line(Account account, long amount) {
        return new PostingLine(account.id(), account.asset().code(), amount);
    }

    static void assertValidation(Runnable r, String detailPart) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(ProblemType.VALIDATION.uri(), e.problem().type());
        assertTrue(e.problem().detail().contains(detailPart), e.problem().detail());
    }

    @Test
    void aBalancedTwoLineEntryIsPlannedWithDeltasInAccountIdOrder() {
        EntryPlan plan = EntryRules.plan("fund", List.of(line(funding, -500), line(a, 500)), all);
        assertEquals(2, plan.lines().size());
        assertEquals(List.copyOf(plan.deltas().keySet()),
            Stream.of(funding.id(), a.id()).sorted().toList());
        assertEquals(-500L, plan.deltas().get(funding.id()));
        assertEquals(500L, plan.deltas().get(a.id()));
    }

    @Test
    void anEntryBalancesPerAssetNotInTotal() {
        // CNY and points each balance: accepted.
        EntryRules.plan(null, List.of(line(a, -100), line(b, 100), line(issued, -7), line(pa, 7)), all);
        // The grand total is zero but each asset is off: refused.
        assertValidation(() -> EntryRules.plan(null, List.of(line(a, -100), line(pa, 100)), all), "do not balance");
    }

    @Test
    void fewerThanTwoPostingsAreRefused() {
        assertValidation(() -> EntryRules.checkShape(null, List.of()), "at least two");
        assertValidation(() -> EntryRules.checkShape(null, List.of(line(a, 0))), "at least two");
        assertValidation(() -> EntryRules.checkShape(null, null), "at least two");
    }

    @Test
    void zeroAmountsAreRefusedAndNegativeAmountsAreDebits() {
        assertValidation(() -> EntryRules.checkShape(null, List.of(line(a, 0), line(b, 0))), "must not be zero");
        assertValidation(() -> EntryRules.checkShape(null, List.of(line(a, 5), line(b, 0), line(funding, -5))),
            "postings[1]: amount must not be zero");
    }

    @Test
    void unbalancedEntriesAreRefused() {
        assertValidation(() -> EntryRules.checkShape(null, List.of(line(a, -100), line(b, 99))),
            "sum to -1 minor units");
    }

    @Test
    void anAccountAppearsAtMostOncePerEntry() {
        assertValidation(() -> EntryRules.checkShape(null, List.of(line(a, -100), line(a, 100))), "appears twice");
    }

    @Test
    void amountsStayWithinJsonSafeIntegers() {
        long max = EntryRules.MAX_AMOUNT;
        EntryRules.checkShape(null, List.of(line(funding, -max), line(a, max)));
        assertValidation(() -> EntryRules.checkShape(null, List.of(line(funding, -max - 1), line(a, max + 1))),
            "must be at most");
        assertValidation(() -> EntryRules.checkShape(null,
            List.of(line(funding, Long.MIN_VALUE), line(a, Long.MAX_VALUE), line(b, 1))), "must be at most");
    }

    @Test
    void atMostAHundredPostings() {
        List<PostingLine> lines = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            lines.add(new PostingLine(UUID.randomUUID(), "CNY", i % 2 == 0 ? 1 : -1));
        }
        assertValidation(() -> EntryRules.checkShape(null, lines), "at most 100");
    }

    @Test
    void theMemoIsBounded() {
        assertValidation(() -> EntryRules.checkShape("x".repeat(501), List.of(line(a, -1), line(b, 1))), "memo");
    }

    @Test
    void unknownAssetsAccountsAndMismatchesAreRefused() {
        assertValidation(() -> EntryRules.checkShape(null,
            List.of(new PostingLine(a.id(), "XX", -1), new PostingLine(b.id(), "XX", 1))), "postings[0]");
        assertValidation(() -> EntryRules.checkShape(null,
            List.of(new PostingLine(null, "CNY", -1), line(b, 1))), "accountId is required");
        Account stranger = account("CNY", AccountKind.WALLET);
        assertValidation(() -> EntryRules.plan(null, List.of(line(a, -1), line(stranger, 1)), all), "unknown account");
        assertValidation(() -> EntryRules.plan(null,
            List.of(new PostingLine(a.id(), "USD", -1), new PostingLine(funding.id(), "USD", 1)), all), "holds CNY");
    }
}
