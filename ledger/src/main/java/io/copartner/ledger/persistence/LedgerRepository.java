package io.copartner.ledger.persistence;

import io.copartner.ledger.api.PostingLine;
import io.copartner.ledger.api.TrialBalance;
import io.copartner.ledger.domain.Account;
import io.copartner.ledger.domain.EntryPlan;
import io.copartner.ledger.domain.EntryRules;
import io.copartner.ledger.domain.JournalEntry;
import io.copartner.ledger.domain.Move;
import io.copartner.ledger.domain.Posting;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** Storage of accounts, entries and postings (idempotency keys: {@link IdempotencyKeys}). Callers bring the transaction. */
@ApplicationScoped
public class LedgerRepository {

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    /**
     * The write path's statements go straight to JDBC. Inside the JTA transaction Liberty hands out the same shared
     * connection Hibernate uses, so they run in the same PostgreSQL transaction; none of them touches an entity
     * Hibernate holds (balances are never written through JPA, entries and postings are never loaded before).
     */
    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    public void persist(Object entity) {
        em.persist(entity);
    }

    public Optional<Account> account(UUID id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public Map<UUID, Account> accounts(Collection<UUID> ids) {
        Map<UUID, Account> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        // One positional parameter per id instead of a collection parameter: Hibernate 6 re-translates a query
        // whose parameter list it must expand (SQM -> SQL AST -> SQL) on every execution, which was ~10% of the
        // CPU of a posted entry; a fixed-arity query is translated once per arity and then served from the plan cache.
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() > MAX_FIXED_ARITY) {
            for (Account a : em.createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", distinct).getResultList()) {
                found.put(a.id(), a);
            }
            return found;
        }
        var query = em.createQuery(ACCOUNTS_BY_ID.computeIfAbsent(distinct.size(), LedgerRepository::accountsById),
            Account.class);
        for (int i = 0; i < distinct.size(); i++) {
            query.setParameter(i + 1, distinct.get(i));
        }
        for (Account a : query.getResultList()) {
            found.put(a.id(), a);
        }
        return found;
    }

    /** An entry names at most this many accounts: one cached query text per count, up to it. */
    private static final int MAX_FIXED_ARITY = EntryRules.MAX_POSTINGS;
    private static final Map<Integer, String> ACCOUNTS_BY_ID = new ConcurrentHashMap<>();

    private static String accountsById(int n) {
        StringBuilder jpql = new StringBuilder("select a from Account a where a.id in (");
        for (int i = 1; i <= n; i++) {
            jpql.append(i == 1 ? "?" : ", ?").append(i);
        }
        return jpql.append(")").toString();
    }

    public Optional<Account> accountByCode(String code) {
        return em.createQuery("select a from Account a where a.code = :code", Account.class)
            .setParameter("code", code).getResultStream().findFirst();
    }

    public List<Account> accountsOf(String owner, int max) {
        return em.createQuery("select a from Account a where a.owner = :owner order by a.createdAt, a.id", Account.class)
            .setParameter("owner", owner).setMaxResults(max).getResultList();
    }

    /**
     * Executes a plan: moves every balance and appends the entry with its postings, all in one round trip while the
     * accounts are locked: one guarded UPDATE per {@link Move}, in the plan's order (ascending account id: a fixed
     * lock order, so concurrent entries never deadlock), then one INSERT of the entry and its postings. No rule is
     * decided here: each UPDATE applies its move's range ({@code balance between lowest and highest}) to the
     * locked row, and PostgreSQL re-checks it on the latest committed balance after waiting for a concurrent writer.
     *
     * <p>The INSERT runs after all of them in the same transaction: it reads each posting's {@code balance_after}
     * from the account row this transaction just moved (and holds), and stamps entry and postings with {@code at},
     * the transaction's instant, unless an earlier entry on one of the accounts carries that instant or a later one
     * (its transaction read the clock later but took the lock first): then 1 µs after the latest of them. So per
     * account {@code posted_at} strictly increases in the order balances moved (the postings' {@code seq}, drawn
     * under the locks too), and a balance as of a time is one the account really had.
     *
     * <p>The statements are sent together, so the INSERT also runs when a guard refused a move; the caller must then
     * roll the transaction back ({@link Appended#refused()} names the first refused account).
     */
    public Appended moveAndAppend(EntryPlan plan, Instant at, long auditEntryId) {
        List<Move> moves = plan.moves();
        List<PostingLine> lines = plan.lines();
        String sql = MOVE_AND_APPEND.computeIfAbsent(List.of(moves.size(), lines.size()),
            k -> moveAndAppendSql(k.get(0), k.get(1)));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Move move : moves) {
                ps.setLong(p++, move.delta());
                ps.setObject(p++, move.accountId());
                ps.setLong(p++, move.lowest());
                ps.setLong(p++, move.highest());
            }
            ps.setObject(p++, plan.id());
            ps.setString(p++, plan.kind().name());
            ps.setString(p++, plan.memo());
            ps.setObject(p++, plan.reverses(), Types.OTHER);
            ps.setObject(p++, at.atOffset(ZoneOffset.UTC));
            for (Move move : moves) {
                ps.setObject(p++, move.accountId());
            }
            ps.setLong(p++, auditEntryId);
            ps.setString(p++, plan.postedBy());
            for (PostingLine line : lines) {
                ps.setObject(p++, line.accountId());
                ps.setString(p++, line.asset());
                ps.setLong(p++, line.amount());
            }
            boolean resultSet = ps.execute();
            Map<UUID, Long> balances = new HashMap<>();
            UUID refused = null;
            for (Move move : moves) {
                if (!resultSet) {
                    throw new IllegalStateException("no result of the balance move of " + move.accountId());
                }
                try (ResultSet rs = ps.getResultSet()) {
                    if (rs.next()) {
                        balances.put(move.accountId(), rs.getLong(1));
                    } else if (refused == null) {
                        refused = move.accountId();
                    }
                }
                resultSet = ps.getMoreResults();
            }
            if (!resultSet) {
                throw new IllegalStateException("no result of the append of entry " + plan.id());
            }
            Instant postedAt = null;
            int rows = 0;
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    rows++;
                    postedAt = rs.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
            if (rows != lines.size()) {
                throw new IllegalStateException("appended " + rows + " postings instead of " + lines.size());
            }
            return new Appended(balances, refused, postedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("posting entry " + plan.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static final Map<List<Integer>, String> MOVE_AND_APPEND = new ConcurrentHashMap<>();

    private static String moveAndAppendSql(int accounts, int postings) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < accounts; i++) {
            sql.append("""
                update ledger.account set balance = balance + ?
                where id = ? and balance between ? and ?
                returning balance;
                """);
        }
        // Each max() has one account id: an index-only scan backwards on posting_account_time, one row per account.
        sql.append("""
            with e as (
              insert into ledger.journal_entry (id, kind, memo, reverses, posted_at, audit_entry_id, posted_by)
              values (?, ?, ?, cast(? as uuid), greatest(cast(? as timestamptz)""");
        for (int i = 0; i < accounts; i++) {
            sql.append(",\n    (select max(posted_at) from ledger.posting where account_id = cast(? as uuid))"
                + " + interval '1 microsecond'");
        }
        sql.append("""
            ), ?, ?)
              returning id, posted_at)
            insert into ledger.posting (entry_id, account_id, asset, amount, balance_after, posted_at)
            select e.id, v.account_id, v.asset, v.amount, a.balance, e.posted_at
            from e cross join (values """);
        for (int i = 0; i < postings; i++) {
            sql.append(i == 0 ? "" : ", ").append("(").append(i)
                .append(", cast(? as uuid), cast(? as varchar), cast(? as bigint))");
        }
        sql.append("""
            ) as v (n, account_id, asset, amount)
            join ledger.account a on a.id = v.account_id
            order by v.n
            returning posted_at""");
        return sql.toString();
    }

    /** The sum of the account's postings posted at or before {@code asOf}. */
    public long balanceAsOf(UUID accountId, Instant asOf) {
        Number sum = (Number) em.createNativeQuery(
                "select coalesce(sum(amount), 0) from ledger.posting where account_id = ?1 and posted_at <= ?2")
            .setParameter(1, accountId)
            .setParameter(2, asOf)
            .getSingleResult();
        return sum.longValue();
    }

    public Optional<JournalEntry> entry(UUID id) {
        return Optional.ofNullable(em.find(JournalEntry.class, id));
    }

    /** The entry, its row locked until commit: two reversals of one entry are serialised. */
    public Optional<JournalEntry> lockEntry(UUID id) {
        return Optional.ofNullable(em.find(JournalEntry.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Map<UUID, JournalEntry> entries(Collection<UUID> ids) {
        Map<UUID, JournalEntry> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (JournalEntry e : em.createQuery("select e from JournalEntry e where e.id in :ids", JournalEntry.class)
            .setParameter("ids", ids).getResultList()) {
            found.put(e.id(), e);
        }
        return found;
    }

    public Optional<UUID> reversalOf(UUID entryId) {
        return em.createQuery("select e.id from JournalEntry e where e.reverses = :id", UUID.class)
            .setParameter("id", entryId).getResultStream().findFirst();
    }

    /** The entry's lines as they were posted, in order: what a reversal negates. */
    public List<PostingLine> linesOf(UUID entryId) {
        return em.createQuery("select new io.copartner.ledger.api.PostingLine(p.accountId, p.asset, p.amount) "
                + "from Posting p where p.entryId = :id order by p.seq", PostingLine.class)
            .setParameter("id", entryId).getResultList();
    }

    public List<Posting> postingsOf(UUID entryId) {
        return em.createQuery("select p from Posting p where p.entryId = :id order by p.seq", Posting.class)
            .setParameter("id", entryId).getResultList();
    }

    /** Postings of an account after {@code afterSeq}, in seq order. */
    public List<Posting> statement(UUID accountId, long afterSeq, int max) {
        return em.createQuery(
                "select p from Posting p where p.accountId = :a and p.seq > :after order by p.seq", Posting.class)
            .setParameter("a", accountId)
            .setParameter("after", afterSeq)
            .setMaxResults(max)
            .getResultList();
    }

    /** Leaf index of an audit entry (null while pending) and the size of the latest checkpointed tree. */
    public AuditPosition auditPosition(long auditEntryId) {
        List<?> rows = em.createNativeQuery("""
                select l.leaf_index, (select max(c.tree_size) from ledger.audit_checkpoint c)
                from ledger.audit_leaf l where l.entry_id = ?1""")
            .setParameter(1, auditEntryId)
            .getResultList();
        if (rows.isEmpty()) {
            return new AuditPosition(null, null);
        }
        Object[] row = (Object[]) rows.get(0);
        return new AuditPosition(row[0] == null ? null : ((Number) row[0]).longValue(),
            row[1] == null ? null : ((Number) row[1]).longValue());
    }

    /** Per-asset totals and the accounts whose balance is off, all read in one statement (one snapshot). */
    public TrialBalance trialBalance() {
        List<?> rows = em.createNativeQuery("""
                with b as (select asset, count(*) as n, coalesce(sum(balance), 0) as s from ledger.account group by asset),
                     p as (select asset, sum(amount) as s from ledger.posting group by asset),
                     m as (select count(*) as c from ledger.account a
                           where a.balance <> coalesce((select sum(x.amount) from ledger.posting x where x.account_id = a.id), 0))
                select b.asset, b.n, b.s, coalesce(p.s, 0), m.c
                from b left join p on p.asset = b.asset cross join m
                order by b.asset""")
            .getResultList();
        List<TrialBalance.AssetTotal> totals = new ArrayList<>();
        long mismatched = 0;
        boolean balanced = true;
        for (Object o : rows) {
            Object[] row = (Object[]) o;
            var total = new TrialBalance.AssetTotal((String) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
            totals.add(total);
            mismatched = ((Number) row[4]).longValue();
            balanced &= total.balanceSum() == 0 && total.postingSum() == 0;
        }
        return new TrialBalance(totals, mismatched, balanced && mismatched == 0);
    }

    /** New balance per moved account; the first account whose guard refused the move (null if none). */
    public record Appended(Map<UUID, Long> balances, UUID refused, Instant postedAt) {
    }

    public record AuditPosition(Long leafIndex, Long treeSize) {
    }
}
