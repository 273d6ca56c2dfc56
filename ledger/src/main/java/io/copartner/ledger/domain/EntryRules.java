package io.copartner.ledger.domain;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.PostingLine;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rules of a journal entry.
 *
 * <p>Sign convention: each posting carries a signed amount in minor units, never zero; positive adds to the
 * account's balance, negative takes from it. An entry has 2..{@value #MAX_POSTINGS} postings on distinct accounts,
 * each amount within ±{@value #MAX_AMOUNT} (2^53 - 1, exact in every JSON parser), each in the account's own
 * asset, and the amounts sum to zero per asset. So every entry, and hence the whole ledger, sums to zero per asset.
 */
public final class EntryRules {

    public static final int MAX_POSTINGS = 100;
    public static final long MAX_AMOUNT = (1L << 53) - 1;
    public static final int MAX_MEMO = 500;

    private EntryRules() {
    }

    /** The rules that need no stored state; throws a {@code validation} problem naming the first broken rule. */
    public static void checkShape(String memo, List<PostingLine> lines) {
        if (memo != null && memo.length() > MAX_MEMO) {
            throw ProblemException.badRequest("memo must be at most " + MAX_MEMO + " characters");
        }
        if (lines == null || lines.size() < 2) {
            throw ProblemException.badRequest("an entry needs at least two postings");
        }
        if (lines.size() > MAX_POSTINGS) {
            throw ProblemException.badRequest("an entry has at most " + MAX_POSTINGS + " postings");
        }
        Set<UUID> seen = new HashSet<>();
        Map<String, Long> sums = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PostingLine line = lines.get(i);
            String at = "postings[" + i + "]";
            if (line == null || line.accountId() == null) {
                throw ProblemException.badRequest(at + ": accountId is required");
            }
            if (!seen.add(line.accountId())) {
                throw ProblemException.badRequest(at + ": account " + line.accountId()
                    + " appears twice; an account has at most one posting per entry");
            }
            Asset asset;
            try {
                asset = Asset.of(line.asset());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.badRequest(at + ": " + e.getMessage());
            }
            if (line.amount() == 0) {
                throw ProblemException.badRequest(at + ": amount must not be zero");
            }
            if (Math.abs(line.amount()) > MAX_AMOUNT) {
                throw ProblemException.badRequest(at + ": |amount| must be at most " + MAX_AMOUNT + " minor units");
            }
            sums.merge(asset.code(), line.amount(), Math::addExact); // ≤100 × 2^53 cannot overflow
        }
        for (Map.Entry<String, Long> sum : sums.entrySet()) {
            if (sum.getValue() != 0) {
                throw ProblemException.badRequest("postings in " + sum.getKey() + " do not balance: they sum to "
                    + sum.getValue() + " minor units instead of 0");
            }
        }
    }

    /**
     * All rules: {@link #checkShape} and, for each line, that the account exists and holds the line's asset.
     *
     * @param accounts the accounts the lines name, by id (missing ones are unknown)
     */
    public static EntryPlan plan(String memo, List<PostingLine> lines, Map<UUID, Account> accounts) {
        checkShape(memo, lines);
        TreeMap<UUID, Long> deltas = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PostingLine line = lines.get(i);
            Account account = accounts.get(line.accountId());
            if (account == null) {
                throw ProblemException.badRequest("postings[" + i + "]: unknown account " + line.accountId());
            }
            if (!account.asset().code().equals(line.asset())) {
                throw ProblemException.badRequest("postings[" + i + "]: account " + line.accountId() + " holds "
                    + account.asset() + ", not " + line.asset());
            }
            deltas.put(line.accountId(), line.amount());
        }
        return new EntryPlan(memo, lines, deltas);
    }
}
