package io.copartner.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The double-entry ledger. Every write is one transaction that moves balances, appends the entry and its postings
 * and records an audit entry; it joins the caller's transaction when there is one. One instant (the clock read once
 * per transaction) stamps the audit entry and the entry; an entry's {@code postedAt} is that instant, or 1 µs after
 * the latest earlier entry on one of its accounts when that one carries a later time, so per account
 * {@code postedAt} strictly increases in the order balances moved.
 *
 * <p>Errors are {@link io.copartner.kernel.problem.ProblemException}s: {@code validation} (400) for a request that
 * breaks a rule (fewer than two postings, a zero amount, unbalanced per asset, unknown account, asset mismatch, a
 * balance that would leave the range of a 64-bit integer), {@code insufficient-funds} (409) when an account that may
 * not go negative would, {@code conflict} (409) for a second reversal, {@code idempotency-conflict} (409) when a key is reused with a different request,
 * {@code not-found} (404).
 */
public interface Ledger {

    /** Largest accepted page size of {@link #statement}. */
    int MAX_PAGE = 200;

    /** Postings one entry may hold: {@link #post} refuses more (400), so callers paying many wallets chunk by it. */
    int MAX_POSTINGS_PER_ENTRY = 100;

    AccountView open(OpenAccount request);

    /** The account with its current balance. */
    Optional<AccountView> account(UUID id);

    /** The account with its balance as of {@code asOf}: the sum of its postings posted at or before that time. */
    Optional<AccountView> account(UUID id, Instant asOf);

    /** The account of the platform's chart of accounts with this code, e.g. {@code PLATFORM_FEE:CNY}. */
    Optional<AccountView> systemAccount(String code);

    /** The accounts of one owner, oldest first (at most 500). */
    List<AccountView> accountsOf(String owner);

    /**
     * A page of the account's postings, oldest first, starting after {@code cursor} (null: from the beginning);
     * {@code limit} 1..{@link #MAX_PAGE}.
     */
    StatementPage statement(UUID accountId, String cursor, int limit);

    /**
     * Posts an entry. The same {@code idempotencyKey} with the same request returns the first result (marked
     * replayed) and writes nothing; with a different request it fails with {@code idempotency-conflict}.
     */
    PostResult post(PostEntry entry, String idempotencyKey);

    /**
     * Posts the reversal of an entry: the same postings with the opposite sign, referencing the original. An entry
     * is reversed at most once and a reversal is never reversed (post a new entry instead).
     */
    PostResult reverse(UUID entryId, String memo, String postedBy, String idempotencyKey);

    Optional<EntryView> entry(UUID id);

    /** Per asset: sum of balances and of postings (both always zero), and accounts whose balance is off. */
    TrialBalance trialBalance();
}
