package io.copartner.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostingLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The domain rules as a ledger model: random sequences of entries (valid, unbalanced, overdrawing) and reversals
 * are applied the way the service and the repository apply them (draft, plan, then every {@link Move} only if its
 * guard range holds the current balance, all or nothing). After every step each asset sums to zero, no non-negative account is below zero, and every balance is
 * the sum of the account's postings.
 */
class LedgerModelPropertiesTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** One step: a list of (account index, amount) lines, or a reversal of the n-th accepted entry. */
    record Step(List<long[]> lines, boolean reversal, int target) {
    }

    /** What the model keeps of an accepted entry: what the journal_entry and posting rows hold. */
    record Posted(UUID id, EntryKind kind, List<PostingLine> lines, List<Long> balancesAfter) {
    }

    static final class Model {
        final List<Account> accounts = new ArrayList<>();
        final Map<UUID, Account> byId = new LinkedHashMap<>();
        final Map<UUID, Long> balances = new HashMap<>();
        final Map<UUID, Long> postingSums = new HashMap<>();
        final List<Posted> entries = new ArrayList<>();
        final Map<UUID, UUID> reversedBy = new HashMap<>();

        Model() {
            add("CNY", AccountKind.EXTERNAL_FUNDING);
            add("CNY", AccountKind.WALLET);
            add("CNY", AccountKind.WALLET);
            add("CNY", AccountKind.ESCROW);
            add("CNY", AccountKind.PLATFORM_FEE);
            add("USD", AccountKind.EXTERNAL_FUNDING);
            add("USD", AccountKind.WALLET);
            add("PTS:acme", AccountKind.POINTS_ISSUED);
            add("PTS:acme", AccountKind.WALLET);
            add("PTS:acme", AccountKind.WALLET);
            // Seed money so that transfers between wallets are often, but not always, covered.
            fund(0, 1, 8_000);
            fund(0, 2, 3_000);
            fund(5, 6, 5_000);
            fund(7, 8, 4_000);
        }

        private void fund(int from, int to, long amount) {
            Account f = accounts.get(from);
            Account t = accounts.get(to);
            assertTrue(post(null, List.of(new PostingLine(f.id(), f.asset().code(), -amount),
                new PostingLine(t.id(), t.asset().code(), amount))));
        }

        private void add(String asset, AccountKind kind) {
            Account a = Account.open(UUID.randomUUID(), "party:model", Asset.of(asset), kind, null, T);
            accounts.add(a);
            byId.put(a.id(), a);
            balances.put(a.id(), 0L);
            postingSums.put(a.id(), 0L);
        }

        /** Posts if every rule allows it; returns whether it did. Nothing changes when it does not. */
        boolean post(UUID reverses, List<PostingLine> lines) {
            try {
                return write(EntryRules.draft(reverses, null, lines, "party:model"));
            } catch (ProblemException e) {
                return false;
            }
        }

        /** Plans and writes as the service and the repository do: every guard first, then all moves or none. */
        private boolean write(EntryDraft draft) {
            EntryPlan plan;
            try {
                plan = EntryRules.plan(UUID.randomUUID(), draft, byId);
            } catch (ProblemException e) {
                return false;
            }
            for (Move move : plan.moves()) {
                if (!move.permits(balances.get(move.accountId()))) {
                    return false;
                }
            }
            List<Long> after = new ArrayList<>();
            for (PostingLine line : plan.lines()) {
                after.add(balances.merge(line.accountId(), line.amount(), Math::addExact));
                postingSums.merge(line.accountId(), line.amount(), Math::addExact);
            }
            entries.add(new Posted(plan.id(), plan.kind(), plan.lines(), after));
            if (plan.reverses() != null) {
                reversedBy.put(plan.reverses(), plan.id());
            }
            return true;
        }

        boolean reverse(Posted original) {
            EntryDraft draft;
            try {
                draft = Reversals.draft(original.id(), original.kind(), reversedBy.get(original.id()), original.lines(),
                    null, "party:model");
            } catch (ProblemException e) {
                return false;
            }
            return write(draft);
        }

        void assertInvariants() {
            Map<String, Long> perAsset = new HashMap<>();
            for (Account a : accounts) {
                long balance = balances.get(a.id());
                perAsset.merge(a.asset().code(), balance, Math::addExact);
                if (a.nonNegative()) {
                    assertTrue(balance >= 0, a.kind() + " went negative: " + balance);
                }
                assertEquals(postingSums.get(a.id()), balance, "balance = sum of postings");
            }
            perAsset.forEach((asset, sum) -> assertEquals(0L, sum, asset + " sums to zero"));
            for (Posted entry : entries) {
                Map<String, Long> sums = new HashMap<>();
                entry.lines().forEach(p -> sums.merge(p.asset(), p.amount(), Math::addExact));
                sums.values().forEach(s -> assertEquals(0L, s));
            }
        }
    }

    @Property(tries = 300)
    void everyAssetSumsToZeroAndWalletsStayNonNegative(@ForAll("steps") List<Step> steps) {
        Model model = new Model();
        int accepted = 0;
        int reversed = 0;
        for (Step step : steps) {
            if (step.reversal()) {
                if (!model.entries.isEmpty() && model.reverse(model.entries.get(step.target() % model.entries.size()))) {
                    reversed++;
                }
            } else {
                List<PostingLine> lines = new ArrayList<>();
                for (long[] l : step.lines()) {
                    Account a = model.accounts.get((int) l[0]);
                    lines.add(new PostingLine(a.id(), a.asset().code(), l[1]));
                }
                if (model.post(null, lines)) {
                    accepted++;
                }
            }
            model.assertInvariants();
        }
        Statistics.label("accepted").collect(accepted == 0 ? "0" : accepted < 5 ? "1-4" : "5+");
        Statistics.label("refused").collect(accepted + reversed < steps.size() ? "some" : "none");
        Statistics.label("reversals").collect(reversed == 0 ? "0" : "1+");
    }

    @Property(tries = 200)
    void aReversalRestoresEveryBalanceAndHappensOnce(@ForAll("steps") List<Step> steps) {
        Model model = new Model();
        for (Step step : steps) {
            if (step.reversal() || step.lines().isEmpty()) {
                continue;
            }
            List<PostingLine> lines = new ArrayList<>();
            for (long[] l : step.lines()) {
                Account a = model.accounts.get((int) l[0]);
                lines.add(new PostingLine(a.id(), a.asset().code(), l[1]));
            }
            Map<UUID, Long> before = new HashMap<>(model.balances);
            if (model.post(null, lines)) {
                Posted last = model.entries.get(model.entries.size() - 1);
                // Reversing the newest entry right away always succeeds and restores the balances exactly.
                assertTrue(model.reverse(last));
                assertEquals(before, model.balances);
                assertTrue(!model.reverse(last), "an entry is reversed once");
                assertTrue(!model.reverse(model.entries.get(model.entries.size() - 1)), "a reversal is not reversed");
                model.assertInvariants();
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return step().list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * Mostly balanced entries within one asset (built so the last line balances the others), some with a
     * deliberately wrong last amount, some spanning two assets, and reversals of earlier entries.
     */
    Arbitrary<Step> step() {
        Arbitrary<Step> balanced = Combinators.combine(
                Arbitraries.of(0, 1, 2), // asset group: CNY (0..4), USD (5..6), PTS (7..9)
                Arbitraries.longs().between(-5_000, 5_000).filter(v -> v != 0).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(-3, 3).map(k -> k == 3 ? 1 : 0))
            .as((group, amounts, seed, skew) -> {
                int[] members = switch (group) {
                    case 0 -> new int[] {0, 1, 2, 3, 4};
                    case 1 -> new int[] {5, 6};
                    default -> new int[] {7, 8, 9};
                };
                List<long[]> lines = new ArrayList<>();
                long sum = 0;
                int n = Math.min(amounts.size(), members.length - 1);
                for (int i = 0; i < n; i++) {
                    lines.add(new long[] {members[(seed + i) % members.length], amounts.get(i)});
                    sum += amounts.get(i);
                }
                // The balancing line (skewed by one unit now and then: must be refused).
                lines.add(new long[] {members[(seed + n) % members.length], -sum + skew});
                return new Step(lines, false, 0);
            });
        Arbitrary<Step> reversal = Arbitraries.integers().between(0, 1_000).map(t -> new Step(List.of(), true, t));
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, balanced),
            net.jqwik.api.Tuple.of(2, reversal));
    }
}
