package io.copartner.ledger.service;

import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.IdempotencyTable;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.money.Asset;
import io.copartner.kernel.money.Money;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditRef;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.EntryView;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import io.copartner.ledger.api.PostingView;
import io.copartner.ledger.api.StatementLine;
import io.copartner.ledger.api.StatementPage;
import io.copartner.ledger.api.TrialBalance;
import io.copartner.ledger.api.event.LedgerEntryPosted;
import io.copartner.ledger.domain.Account;
import io.copartner.ledger.domain.EntryDraft;
import io.copartner.ledger.domain.EntryPlan;
import io.copartner.ledger.domain.EntryRules;
import io.copartner.ledger.domain.JournalEntry;
import io.copartner.ledger.domain.Owners;
import io.copartner.ledger.domain.Posting;
import io.copartner.ledger.domain.Reversals;
import io.copartner.ledger.domain.StatementCursor;
import io.copartner.ledger.persistence.IdempotencyKeys;
import io.copartner.ledger.persistence.LedgerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger's write and read paths. A post is one pass in one transaction: validate (the request becomes an
 * {@link EntryDraft}, shape rules checked once), claim the Idempotency-Key, plan (the accounts' rules and one guarded
 * move per account, {@link EntryRules#plan}), write (the audit entry, then in one round trip every guarded move in
 * ascending account id order and the append of the entry and its postings), fire {@link LedgerEntryPosted}. Any
 * failure (a refused move included) rolls all of it back. The clock is read once per transaction and that instant
 * stamps the key, the audit entry and the entry.
 */
@ApplicationScoped
public class LedgerService implements Ledger {

    static final String OP_POST = "ledger.entry.post";
    static final String OP_REVERSE = "ledger.entry.reverse";
    static final String INCLUSION_PROOF = "/api/v1/audit/proofs/inclusion?index=%d&treeSize=%d";
    static final int MAX_ACCOUNTS_PER_OWNER = 500;

    @Inject
    LedgerRepository repo;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Event<LedgerEntryPosted> posted;

    /** The one clock of every transaction here; tests replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    @Transactional
    public AccountView open(OpenAccount request) {
        if (request == null) {
            throw ProblemException.badRequest("an account request is required");
        }
        Asset asset = asset(request.asset(), "asset");
        Instant now = now();
        Account account = Account.open(Ids.newId(), request.owner(), asset, request.kind(), request.name(), now);
        repo.persist(account);
        audit.record("ledger.account.opened", "ledger-account:" + account.id(), now, Map.of(
            "accountId", account.id().toString(), "asset", asset.code(), "kind", account.kind().name()));
        return view(account, 0, now);
    }

    @Override
    @Transactional
    public Optional<AccountView> account(UUID id) {
        Instant now = now();
        return repo.account(id).map(a -> view(a, a.balance(), now));
    }

    @Override
    @Transactional
    public Optional<AccountView> account(UUID id, Instant asOf) {
        if (asOf == null) {
            return account(id);
        }
        return repo.account(id).map(a -> view(a, repo.balanceAsOf(id, asOf), asOf));
    }

    @Override
    @Transactional
    public Optional<AccountView> systemAccount(String code) {
        Instant now = now();
        return repo.accountByCode(code).map(a -> view(a, a.balance(), now));
    }

    @Override
    @Transactional
    public List<AccountView> accountsOf(String owner) {
        Owners.requireValid(owner);
        Instant now = now();
        return repo.accountsOf(owner, MAX_ACCOUNTS_PER_OWNER).stream().map(a -> view(a, a.balance(), now)).toList();
    }

    @Override
    @Transactional
    public StatementPage statement(UUID accountId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        long after = StatementCursor.decode(cursor);
        Account account = repo.account(accountId)
            .orElseThrow(() -> ProblemException.notFound("no account " + accountId));
        List<Posting> rows = new ArrayList<>(repo.statement(accountId, after, limit + 1));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = StatementCursor.encode(rows.get(limit - 1).seq());
        }
        Map<UUID, JournalEntry> entries = repo.entries(rows.stream().map(Posting::entryId).distinct().toList());
        List<StatementLine> lines = rows.stream().map(p -> {
            JournalEntry e = entries.get(p.entryId());
            return new StatementLine(p.entryId(), e.kind(), p.postedAt(), p.amount(), p.balanceAfter(), e.memo());
        }).toList();
        return new StatementPage(accountId, account.asset().code(), lines, next);
    }

    @Override
    @Transactional
    public PostResult post(PostEntry request, String idempotencyKey) {
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        EntryDraft draft = EntryRules.draft(request);
        Instant at = now();
        // What the client sent: the fingerprint's content (the kernel adds operation and caller).
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("memo", request.memo());
        sent.put("postings", request.postings().stream().map(l -> Map.of("accountId", l.accountId().toString(),
            "asset", l.asset(), "amount", l.amount())).toList());
        UUID id = Ids.newId();
        Optional<PostResult> replay = claim(IdempotentRequest.of(key, OP_POST, PartyId.parse(draft.postedBy()), sent), id);
        if (replay.isPresent()) {
            return replay.get();
        }
        return write(EntryRules.plan(id, draft, repo.accounts(draft.accountIds())), at);
    }

    @Override
    @Transactional
    public PostResult reverse(UUID entryId, String memo, String postedBy, String idempotencyKey) {
        IdempotencyKey key = IdempotencyKey.required(idempotencyKey);
        if (entryId == null) {
            throw ProblemException.badRequest("the entry to reverse is required");
        }
        Instant at = now();
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("entryId", entryId.toString());
        sent.put("memo", memo);
        UUID id = Ids.newId();
        Optional<PostResult> replay = claim(IdempotentRequest.of(key, OP_REVERSE,
            PartyId.parse(EntryRules.actor(postedBy)), sent), id);
        if (replay.isPresent()) {
            return replay.get();
        }
        JournalEntry original = repo.lockEntry(entryId)
            .orElseThrow(() -> ProblemException.notFound("no entry " + entryId));
        EntryDraft draft = Reversals.draft(entryId, original.kind(), repo.reversalOf(entryId).orElse(null),
            repo.linesOf(entryId), memo, postedBy);
        return write(EntryRules.plan(id, draft, repo.accounts(draft.accountIds())), at);
    }

    @Override
    @Transactional
    public Optional<EntryView> entry(UUID id) {
        return repo.entry(id).map(this::view);
    }

    @Override
    @Transactional
    public TrialBalance trialBalance() {
        return repo.trialBalance();
    }

    /** Writes a plan: no rule is decided past this point, only whether the guarded moves held. */
    private PostResult write(EntryPlan plan, Instant at) {
        UUID id = plan.id();
        EntryKind kind = plan.kind();
        UUID reverses = plan.reverses();
        // The audit entry first: it needs no lock, so the accounts stay locked for as few round trips as possible.
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("entryId", id.toString());
        payload.put("kind", kind.name());
        if (reverses != null) {
            payload.put("reverses", reverses.toString());
        }
        payload.put("postings", plan.lines().stream().map(l -> Map.of("accountId", l.accountId().toString(),
            "asset", l.asset(), "amount", Long.toString(l.amount()))).toList());
        AuditReceipt receipt = audit.record(kind == EntryKind.REVERSAL ? "ledger.entry.reversed" : "ledger.entry.posted",
            "ledger-entry:" + id, at, payload);

        // Every balance move (ascending account id: a fixed lock order) and the append go in one round trip, so the
        // accounts stay locked for that round trip and the commit only.
        LedgerRepository.Appended appended = repo.moveAndAppend(plan, at, receipt.entryId());
        if (appended.refused() != null) { // rolls the whole transaction back, the append included
            throw plan.move(appended.refused()).refusal();
        }
        Instant postedAt = appended.postedAt();
        List<PostingView> views = new ArrayList<>();
        for (PostingLine line : plan.lines()) {
            views.add(new PostingView(line.accountId(), line.asset(), line.amount(),
                appended.balances().get(line.accountId())));
        }
        posted.fire(new LedgerEntryPosted(id, kind, reverses, plan.lines(), postedAt, receipt.entryId()));
        return new PostResult(new EntryView(id, kind, plan.memo(), postedAt, reverses, null, List.copyOf(views),
            new AuditRef(receipt.entryId(), null, null, null)), false);
    }

    /** Empty when this transaction now owns the key; the first result when the key was used for the same request. */
    private Optional<PostResult> claim(IdempotentRequest request, UUID entryId) {
        IdempotencyTable.Claim claim = idempotency.claim(request, entryId);
        if (!claim.replayed()) {
            return Optional.empty();
        }
        EntryView first = repo.entry(UUID.fromString(claim.result())).map(this::view)
            .orElseThrow(() -> new IllegalStateException("the entry of Idempotency-Key " + request.key() + " is gone"));
        return Optional.of(new PostResult(first, true));
    }

    private EntryView view(JournalEntry e) {
        List<PostingView> postings = repo.postingsOf(e.id()).stream()
            .map(p -> new PostingView(p.accountId(), p.asset(), p.amount(), p.balanceAfter())).toList();
        LedgerRepository.AuditPosition position = repo.auditPosition(e.auditEntryId());
        Long leaf = position.leafIndex();
        Long size = leaf != null && position.treeSize() != null && position.treeSize() > leaf ? position.treeSize() : null;
        String proof = size == null ? null : String.format(INCLUSION_PROOF, leaf, size);
        return new EntryView(e.id(), e.kind(), e.memo(), e.postedAt(), e.reverses(),
            repo.reversalOf(e.id()).orElse(null), postings, new AuditRef(e.auditEntryId(), leaf, size, proof));
    }

    private static AccountView view(Account a, long balance, Instant asOf) {
        return new AccountView(a.id(), a.owner(), a.asset().code(), a.kind(), a.name(), a.code(), !a.nonNegative(),
            balance, Money.of(a.asset(), balance).toDecimalString(), asOf, a.createdAt());
    }

    private static Asset asset(String code, String field) {
        try {
            return Asset.of(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(field + ": " + e.getMessage());
        }
    }

    /** The transaction's instant, at the database's precision (microseconds). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
