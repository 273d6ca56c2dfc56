package io.copartner.governance.persistence;

import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.governance.domain.Choice;
import io.copartner.governance.domain.DelegationClaims;
import io.copartner.governance.domain.WeightSnapshot;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Plain JDBC on the governance voting tables (the hot ballot path is a handful of statements). Inside the caller's
 * JTA transaction Liberty hands out the same shared connection Hibernate and the audit trail use.
 */
@ApplicationScoped
public class VotesStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    public VotesStore() {
    }

    public VotesStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the snapshot row says (no weights). */
    public record SnapshotRow(UUID proposal, ProposalKind kind, WeightStrategy strategy, Instant snapshotAt,
                              long totalEligibleWeight, String snapshotHash, Instant quorumReportedAt, boolean isFinal,
                              long forWeight, long againstWeight, long abstainWeight, boolean quorumReached,
                              boolean succeeded, String ballotsHash, Long finalAuditEntryId) {
    }

    /** A stored delegation statement with its parsed shares. */
    public record StatementRow(long seq, String delegator, String jws, Set<ProposalKind> kinds, Instant receivedAt,
                               List<DelegationClaims.Share> shares) {

        public DelegationClaims claims() {
            return new DelegationClaims(delegator, shares, kinds, 0, "");
        }
    }

    /** A ballot as stored. */
    public record BallotRow(long seq, UUID id, String voter, Choice choice, String jws, Instant receivedAt,
                            boolean superseded, long auditEntryId) {
    }

    // ---- locks -------------------------------------------------------------------------------------------------

    /** Serialises one signer's ballots and statements (nonces, replacement) without touching a shared row. */
    public void lockSigner(String did) {
        exec("select 1 from (select pg_advisory_xact_lock(?)) l", key("signer:" + did));
    }

    /** Ballots hold this shared; the final tally takes it exclusively, so no ballot commits beside it. */
    public void lockProposal(UUID proposal, boolean exclusive) {
        exec(exclusive ? "select 1 from (select pg_advisory_xact_lock(?)) l"
            : "select 1 from (select pg_advisory_xact_lock_shared(?)) l", key("proposal:" + proposal));
    }

    static long key(String s) {
        byte[] h = io.copartner.kernel.crypto.Hashes.sha256(("copartner.governance:" + s).getBytes(StandardCharsets.UTF_8));
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (h[i] & 0xff);
        }
        return k;
    }

    // ---- nonces ------------------------------------------------------------------------------------------------

    /** False when the signer used this nonce before. */
    public boolean useNonce(String signer, String nonce, Instant at) {
        return update("insert into governance.signer_nonce (signer, nonce, used_at) values (?, ?, ?) on conflict do nothing",
            signer, nonce, ts(at)) == 1;
    }

    // ---- snapshot ------------------------------------------------------------------------------------------------

    public Optional<SnapshotRow> snapshotRow(UUID proposal) {
        return query("""
                select proposal_id, kind, strategy, snapshot_at, total_eligible_weight, snapshot_hash, quorum_reported_at,
                       final, final_for, final_against, final_abstain, quorum_reached, succeeded, ballots_hash,
                       final_audit_entry_id
                from governance.vote_snapshot where proposal_id = ?""", rs -> rs.next() ? Optional.of(new SnapshotRow(
                (UUID) rs.getObject(1), ProposalKind.valueOf(rs.getString(2)), WeightStrategy.valueOf(rs.getString(3)),
                instant(rs, 4), rs.getLong(5), rs.getString(6), instant(rs, 7), rs.getBoolean(8), rs.getLong(9),
                rs.getLong(10), rs.getLong(11), rs.getBoolean(12), rs.getBoolean(13), rs.getString(14),
                (Long) rs.getObject(15))) : Optional.<SnapshotRow>empty(), proposal);
    }

    public Optional<String> weightsJson(UUID proposal) {
        return query("select weights_json, snapshot_hash from governance.vote_snapshot where proposal_id = ?",
            rs -> rs.next() ? Optional.of(WeightSnapshot.served(rs.getString(1), rs.getString(2)))
                : Optional.<String>empty(), proposal);
    }

    public void insertSnapshot(UUID proposal, ProposalKind kind, WeightSnapshot s, String canonical, String hash,
                               List<Long> statementSeqs, Instant now) {
        update("""
            insert into governance.vote_snapshot (proposal_id, kind, strategy, snapshot_at, total_eligible_weight,
                weights_json, snapshot_hash, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
            proposal, kind.name(), s.strategy().name(), ts(s.snapshotAt()), s.totalEligibleWeight(), canonical, hash,
            ts(now));
        int n = s.voters().size();
        String[] voters = new String[n];
        Long[] bases = new Long[n];
        Integer[] tiers = new Integer[n];
        Long[] weights = new Long[n];
        for (int i = 0; i < n; i++) {
            WeightSnapshot.VoterWeight v = s.voters().get(i);
            voters[i] = v.voter();
            bases[i] = v.base();
            tiers[i] = v.tierBps();
            weights[i] = v.weight();
        }
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into governance.vote_weight (proposal_id, voter, base, tier_bps, weight)
                    select ?, * from unnest(?::varchar[], ?::bigint[], ?::integer[], ?::bigint[])""")) {
                ps.setObject(1, proposal);
                ps.setArray(2, c.createArrayOf("varchar", voters));
                ps.setArray(3, c.createArrayOf("bigint", bases));
                ps.setArray(4, c.createArrayOf("integer", tiers));
                ps.setArray(5, c.createArrayOf("bigint", weights));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into governance.snapshot_delegation (proposal_id, statement_seq)
                    select ?, * from unnest(?::bigint[])""")) {
                ps.setObject(1, proposal);
                ps.setArray(2, c.createArrayOf("bigint", statementSeqs.toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The snapshot's voters and its statements in force, as stored. */
    public Optional<WeightSnapshot> loadSnapshot(UUID proposal) {
        Optional<SnapshotRow> row = snapshotRow(proposal);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        // Streamed through a cursor (10^6 voters would otherwise arrive as one result held twice in memory).
        List<WeightSnapshot.VoterWeight> voters = withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                "select voter, base, tier_bps, weight from governance.vote_weight where proposal_id = ?")) {
                ps.setFetchSize(10_000);
                ps.setObject(1, proposal);
                try (ResultSet rs = ps.executeQuery()) {
                    List<WeightSnapshot.VoterWeight> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new WeightSnapshot.VoterWeight(rs.getString(1), rs.getLong(2), rs.getInt(3),
                            rs.getLong(4)));
                    }
                    return list;
                }
            }
        });
        List<StatementRow> statements = statements("""
            where s.seq in (select statement_seq from governance.snapshot_delegation where proposal_id = ?)""",
            proposal);
        List<WeightSnapshot.StatementInForce> inForce = statements.stream()
            .map(st -> new WeightSnapshot.StatementInForce(st.jws(), st.receivedAt(), st.claims())).toList();
        return Optional.of(new WeightSnapshot(row.get().strategy(), row.get().snapshotAt(), voters, inForce));
    }

    /** True when this call reported first; later calls change nothing. */
    public boolean markQuorumReported(UUID proposal, Instant at) {
        return update("""
            update governance.vote_snapshot set quorum_reported_at = ? where proposal_id = ? and quorum_reported_at is null""",
            ts(at), proposal) == 1;
    }

    public void markFinal(UUID proposal, long forW, long againstW, long abstainW, boolean quorum, boolean succeeded,
                          String ballotsHash, long auditEntryId, Instant at) {
        update("""
            update governance.vote_snapshot set final = true, final_for = ?, final_against = ?, final_abstain = ?,
                quorum_reached = ?, succeeded = ?, ballots_hash = ?, final_audit_entry_id = ?, finalized_at = ?
            where proposal_id = ?""", forW, againstW, abstainW, quorum, succeeded, ballotsHash, auditEntryId, ts(at),
            proposal);
    }

    // ---- delegation statements ---------------------------------------------------------------------------------

    public long insertStatement(String delegator, String jws, Set<ProposalKind> kinds,
                                List<DelegationClaims.Share> shares, Instant at, long auditEntryId) {
        long seq = query("""
                insert into governance.delegation_statement (delegator, jws, kinds, received_at, audit_entry_id)
                values (?, ?, ?, ?, ?) returning seq""", rs -> {
                rs.next();
                return rs.getLong(1);
            }, delegator, jws, kinds(kinds), ts(at), auditEntryId);
        for (DelegationClaims.Share s : shares) {
            update("insert into governance.delegation_share (statement_seq, delegate, share_bps) values (?, ?, ?)",
                seq, s.delegate(), s.shareBps());
        }
        return seq;
    }

    /** Each delegator's latest statement received strictly before {@code before}. */
    public List<StatementRow> statementsInForce(Instant before) {
        return statements("""
            where s.seq in (select distinct on (delegator) seq from governance.delegation_statement
                            where received_at < ? order by delegator, seq desc)""", ts(before));
    }

    public Optional<StatementRow> currentStatement(String delegator) {
        List<StatementRow> rows = statements("""
            where s.seq = (select max(seq) from governance.delegation_statement where delegator = ?)""", delegator);
        return rows.stream().findFirst();
    }

    private List<StatementRow> statements(String where, Object... params) {
        return query("""
                select s.seq, s.delegator, s.jws, s.kinds, s.received_at, d.delegate, d.share_bps
                from governance.delegation_statement s
                left join governance.delegation_share d on d.statement_seq = s.seq
                """ + where + " order by s.seq, d.share_bps desc, d.delegate", rs -> {
                Map<Long, StatementRow> bySeq = new java.util.LinkedHashMap<>();
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    StatementRow row = bySeq.get(seq);
                    if (row == null) {
                        row = new StatementRow(seq, rs.getString(2), rs.getString(3), kinds(rs.getString(4)),
                            instant(rs, 5), new ArrayList<>());
                        bySeq.put(seq, row);
                    }
                    String delegate = rs.getString(6);
                    if (delegate != null) {
                        row.shares().add(new DelegationClaims.Share(delegate, rs.getInt(7)));
                    }
                }
                return new ArrayList<>(bySeq.values());
            }, params);
    }

    static String kinds(Set<ProposalKind> kinds) {
        if (kinds.size() == ProposalKind.values().length) {
            return "*";
        }
        return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<ProposalKind> kinds(String text) {
        if (text.equals("*")) {
            return EnumSet.allOf(ProposalKind.class);
        }
        Set<ProposalKind> kinds = EnumSet.noneOf(ProposalKind.class);
        for (String k : text.split(",")) {
            kinds.add(ProposalKind.valueOf(k));
        }
        return kinds;
    }

    // ---- ballots -------------------------------------------------------------------------------------------------

    /** The voter's current (not superseded) ballot on the proposal. */
    public Optional<UUID> currentBallot(UUID proposal, String voter) {
        return query("select id from governance.ballot where proposal_id = ? and voter = ? and not superseded",
            rs -> rs.next() ? Optional.of((UUID) rs.getObject(1)) : Optional.<UUID>empty(), proposal, voter);
    }

    public void supersede(UUID ballotId) {
        update("update governance.ballot set superseded = true where id = ?", ballotId);
    }

    public long insertBallot(UUID id, UUID proposal, String voter, Choice choice, String jws, Instant at,
                             UUID replaces, long auditEntryId) {
        return query("""
                insert into governance.ballot (id, proposal_id, voter, choice, jws, received_at, replaces, audit_entry_id)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning seq""", rs -> {
                rs.next();
                return rs.getLong(1);
            }, id, proposal, voter, choice.wire(), jws, ts(at), replaces, auditEntryId);
    }

    /** A page of ballots in receive order after {@code afterSeq}. */
    public List<BallotRow> ballots(UUID proposal, long afterSeq, int limit) {
        return query("""
                select seq, id, voter, choice, jws, received_at, superseded, audit_entry_id from governance.ballot
                where proposal_id = ? and seq > ? order by seq limit ?""", rs -> {
                List<BallotRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }, proposal, afterSeq, limit);
    }

    /** Every ballot of the proposal in receive order, streamed (a cursor of 10,000 rows at a time in a transaction). */
    public void eachBallot(UUID proposal, boolean withJws, RowConsumer consumer) {
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select seq, id, voter, choice, "
                + (withJws ? "jws" : "''") + ", received_at, superseded, audit_entry_id from governance.ballot"
                + " where proposal_id = ? order by seq")) {
                ps.setFetchSize(10_000);
                ps.setObject(1, proposal);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(row(rs));
                    }
                }
            }
            return null;
        });
    }

    /**
     * What a tally reads of every ballot of the proposal, in receive order, streamed: the voter, the choice, the
     * JWS's bytes as stored (UTF-8), and whether it was received strictly before {@code cutoff} (null: all are),
     * decided by the database, so no timestamp is decoded per row. Only these columns, for 10^6 rows.
     */
    public void eachBallotForTally(UUID proposal, Instant cutoff, TallyConsumer consumer) {
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select voter, choice, jws, "
                + (cutoff == null ? "true" : "received_at < ?") + " from governance.ballot"
                + " where proposal_id = ? order by seq")) {
                ps.setFetchSize(10_000);
                int i = 1;
                if (cutoff != null) {
                    ps.setTimestamp(i++, ts(ceilToMicros(cutoff)));
                }
                ps.setObject(i, proposal);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rs.getString(1), Choice.ofWire(rs.getString(2)), rs.getBytes(3),
                            rs.getBoolean(4));
                    }
                }
            }
            return null;
        });
    }

    /**
     * The first microsecond instant not before {@code t}: received_at has microseconds, so received_at &lt; t
     * exactly when received_at &lt; ceil(t), whatever sub-microsecond digits t has and however the driver rounds.
     */
    static Instant ceilToMicros(Instant t) {
        Instant down = t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return down.equals(t) ? t : down.plus(1, java.time.temporal.ChronoUnit.MICROS);
    }

    @FunctionalInterface
    public interface TallyConsumer {
        void accept(String voter, Choice choice, byte[] jwsUtf8, boolean beforeCutoff);
    }

    /** Each voter's current ballot: voter → choice. */
    public Map<String, Choice> currentChoices(UUID proposal) {
        return query("select voter, choice from governance.ballot where proposal_id = ? and not superseded", rs -> {
            Map<String, Choice> m = new HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), Choice.ofWire(rs.getString(2)));
            }
            return m;
        }, proposal);
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(BallotRow row);
    }

    private static BallotRow row(ResultSet rs) throws SQLException {
        return new BallotRow(rs.getLong(1), (UUID) rs.getObject(2), rs.getString(3), Choice.ofWire(rs.getString(4)),
            rs.getString(5), instant(rs, 6), rs.getBoolean(7), rs.getLong(8));
    }

    // ---- JDBC plumbing -----------------------------------------------------------------------------------------

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowsFunction<T> {
        T apply(ResultSet rs) throws SQLException;
    }

    private <T> T withConnection(SqlFunction<T> f) {
        try (Connection c = dataSource.getConnection()) {
            return f.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("governance votes: " + e.getMessage(), e);
        }
    }

    private <T> T query(String sql, RowsFunction<T> rows, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    return rows.apply(rs);
                }
            }
        });
    }

    private int update(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    private void exec(String sql, Object... params) {
        query(sql, rs -> null, params);
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, java.sql.Types.OTHER);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
