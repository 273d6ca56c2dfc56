package io.copartner.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostEntry;
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

    static EntryDraft shape(String memo, List<PostingLine> lines) {
        return EntryRules.draft(null, memo, lines, null);
    }

    EntryPlan plan(String memo, List<PostingLine> lines, Map<UUID, Account> accounts) {
        return EntryRules.plan(UUID.randomUUID(), shape(memo, lines), accounts);
    }

    static void assertValidation(Runnable r, String detailPart) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(ProblemType.VALIDATION.uri(), e.problem().type());
        assertTrue(e.problem().detail().contains(detailPart), e.problem().detail());
    }

    @Test
    void aBalancedTwoLineEntryIsPlannedWithMovesInAccountIdOrder() {
        EntryPlan plan = plan("fund", List.of(line(funding, -500), line(a, 500)), all);
        assertEquals(2, plan.lines().size());
        assertEquals(plan.moves().stream().map(Move::accountId).toList(),
            Stream.of(funding.id(), a.id()).sorted().toList());
        assertEquals(-500L, plan.move(funding.id()).delta());
        assertEquals(500L, plan.move(a.id()).delta());
        assertEquals(Long.MIN_VALUE + 500, plan.move(funding.id()).lowest(), "funding may go negative");
        assertEquals(Long.MAX_VALUE - 500, plan.move(a.id()).highest());
        assertEquals(EntryKind.STANDARD, plan.kind());
        assertEquals(io.copartner.kernel.id.PartyId.PLATFORM.value(), plan.postedBy());
    }

    @Test
    void aWalletDebitIsGuardedAtZero() {
        EntryPlan plan = plan(null, List.of(line(a, -300), line(b, 300)), all);
        assertEquals(300, plan.move(a.id()).lowest());
        assertTrue(plan.move(a.id()).permits(300));
        assertTrue(!plan.move(a.id()).permits(299));
    }

    @Test
    void theRequestIsReshapedOnceWithItsActor() {
        EntryDraft draft = EntryRules.draft(new PostEntry("m", List.of(line(a, -1), line(b, 1)), "party:admin"));
        assertEquals("party:admin", draft.postedBy());
        assertEquals(List.of(a.id(), b.id()), draft.accountIds());
        assertValidation(() -> EntryRules.draft(null), "an entry is required");
        assertValidation(() -> EntryRules.draft(new PostEntry(null, List.of(line(a, -1), line(b, 1)), "x".repeat(301))),
            "postedBy");
    }

    @Test
    void anEntryBalancesPerAssetNotInTotal() {
        // CNY and points each balance: accepted.
        plan(null, List.of(line(a, -100), line(b, 100), line(issued, -7), line(pa, 7)), all);
        // The grand total is zero but each asset is off: refused.
        assertValidation(() -> plan(null, List.of(line(a, -100), line(pa, 100)), all), "do not balance");
    }

    @Test
    void fewerThanTwoPostingsAreRefused() {
        assertValidation(() -> shape(null, List.of()), "at least two");
        assertValidation(() -> shape(null, List.of(line(a, 0))), "at least two");
        assertValidation(() -> shape(null, null), "at least two");
    }

    @Test
    void zeroAmountsAreRefusedAndNegativeAmountsAreDebits() {
        assertValidation(() -> shape(null, List.of(line(a, 0), line(b, 0))), "must not be zero");
        assertValidation(() -> shape(null, List.of(line(a, 5), line(b, 0), line(funding, -5))),
            "postings[1]: amount must not be zero");
    }

    @Test
    void unbalancedEntriesAreRefused() {
        assertValidation(() -> shape(null, List.of(line(a, -100), line(b, 99))),
            "sum to -1 minor units");
    }

    @Test
    void anAccountAppearsAtMostOncePerEntry() {
        assertValidation(() -> shape(null, List.of(line(a, -100), line(a, 100))), "appears twice");
    }

    @Test
    void amountsStayWithinJsonSafeIntegers() {
        long max = EntryRules.MAX_AMOUNT;
        shape(null, List.of(line(funding, -max), line(a, max)));
        assertValidation(() -> shape(null, List.of(line(funding, -max - 1), line(a, max + 1))),
            "must be at most");
        assertValidation(() -> shape(null,
            List.of(line(funding, Long.MIN_VALUE), line(a, Long.MAX_VALUE), line(b, 1))), "must be at most");
    }

    @Test
    void atMostAHundredPostings() {
        List<PostingLine> lines = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            lines.add(new PostingLine(UUID.randomUUID(), "CNY", i % 2 == 0 ? 1 : -1));
        }
        assertValidation(() -> shape(null, lines), "at most 100");
    }

    @Test
    void theMemoIsBounded() {
        assertValidation(() -> shape("x".repeat(501), List.of(line(a, -1), line(b, 1))), "memo");
    }

    @Test
    void unknownAssetsAccountsAndMismatchesAreRefused() {
        assertValidation(() -> shape(null,
            List.of(new PostingLine(a.id(), "XX", -1), new PostingLine(b.id(), "XX", 1))), "postings[0]");
        assertValidation(() -> shape(null,
            List.of(new PostingLine(null, "CNY", -1), line(b, 1))), "accountId is required");
        Account stranger = account("CNY", AccountKind.WALLET);
        assertValidation(() -> plan(null, List.of(line(a, -1), line(stranger, 1)), all), "unknown account");
        assertValidation(() -> plan(null,
            List.of(new PostingLine(a.id(), "USD", -1), new PostingLine(funding.id(), "USD", 1)), all), "holds CNY");
    }
}
