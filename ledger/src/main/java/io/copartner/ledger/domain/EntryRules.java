package io.copartner.ledger.domain;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostingLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rules of a journal entry, each checked once: {@link #draft} the ones that need no stored state, {@link #plan}
 * the ones on the accounts it names (and the guard of each balance move, {@link BalanceRule}).
 *
 * <p>Sign convention: each posting carries a signed amount in minor units, never zero; positive adds to the
 * account's balance, negative takes from it. An entry has 2..{@value #MAX_POSTINGS} postings on distinct accounts,
 * each amount within ±{@value #MAX_AMOUNT} (2^53 - 1, exact in every JSON parser), each in the account's own
 * asset, and the amounts sum to zero per asset. So every entry, and hence the whole ledger, sums to zero per asset.
 */
public final class EntryRules {

    public static final int MAX_POSTINGS = io.copartner.ledger.api.Ledger.MAX_POSTINGS_PER_ENTRY;
    public static final long MAX_AMOUNT = (1L << 53) - 1;
    public static final int MAX_MEMO = 500;

    private EntryRules() {
    }

    /** A requested entry, its shape checked; throws a {@code validation} problem naming the first broken rule. */
    public static EntryDraft draft(PostEntry request) {
        if (request == null) {
            throw ProblemException.badRequest("an entry is required");
        }
        return draft(null, request.memo(), request.postings(), request.postedBy());
    }

    /** The rules that need no stored state, for a new entry ({@code reverses} null) or a reversal. */
    static EntryDraft draft(UUID reverses, String memo, List<PostingLine> lines, String postedBy) {
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
        return new EntryDraft(reverses, memo, lines, actor(postedBy));
    }

    /** The party recorded as the poster: the caller's, or the platform's own when none is named. */
    public static String actor(String postedBy) {
        return postedBy == null || postedBy.isBlank() ? PartyId.PLATFORM.value()
            : PartyId.require(postedBy, "postedBy").value();
    }

    /**
     * The rules on the accounts: each line's account exists and holds the line's asset; then one guarded move per
     * account, in ascending account id order.
     *
     * @param accounts the accounts the lines name, by id (missing ones are unknown)
     */
    public static EntryPlan plan(UUID id, EntryDraft draft, Map<UUID, Account> accounts) {
        List<Move> moves = new ArrayList<>(draft.lines().size());
        for (int i = 0; i < draft.lines().size(); i++) {
            PostingLine line = draft.lines().get(i);
            Account account = accounts.get(line.accountId());
            if (account == null) {
                throw ProblemException.badRequest("postings[" + i + "]: unknown account " + line.accountId());
            }
            if (!account.asset().code().equals(line.asset())) {
                throw ProblemException.badRequest("postings[" + i + "]: account " + line.accountId() + " holds "
                    + account.asset() + ", not " + line.asset());
            }
            moves.add(BalanceRule.move(account, line.amount()));
        }
        moves.sort(Comparator.comparing(Move::accountId));
        return new EntryPlan(id, draft, moves);
    }
}
