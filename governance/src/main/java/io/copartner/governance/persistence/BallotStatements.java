package io.copartner.governance.persistence;

import io.copartner.governance.domain.Choice;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A ballot's transaction in two round trips besides its audit entry and the commit (on a loaded machine each round
 * trip waits for a PostgreSQL backend to be scheduled, so their count sets the rate). pgjdbc sends the statements of
 * one prepared string together and PostgreSQL runs them in order, each with a fresh snapshot (READ COMMITTED), so
 * what the second reads is read after the first's locks are held, exactly as with separate calls.
 */
@ApplicationScoped
public class BallotStatements {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    public BallotStatements() {
    }

    public BallotStatements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What the ballot's transaction sees once it holds the proposal's lock (shared; the final tally takes it
     * exclusively) and the voter's: the proposal's state and voting window (the lifecycle's row, authoritative: it may
     * have been canceled or extended by another instance), its snapshot row, whether the nonce was fresh (it is now
     * used), and the voter's current ballot on it.
     */
    public record Opening(String state, Instant votingStartsAt, Instant votingEndsAt, boolean snapshotExists,
                          boolean isFinal, boolean quorumReported, boolean nonceFresh, UUID currentBallot) {

        /** Voting is open at {@code now}: ACTIVE, within [start, end), snapshot frozen, no final tally yet. */
        public boolean openAt(Instant now) {
            return "ACTIVE".equals(state) && snapshotExists && !isFinal && votingStartsAt != null
                && !now.isBefore(votingStartsAt) && now.isBefore(votingEndsAt);
        }
    }

    private static final String OPEN = """
        select 1 from (select pg_advisory_xact_lock_shared(?)) l;
        select 1 from (select pg_advisory_xact_lock(?)) l;
        with n as (insert into governance.signer_nonce (signer, nonce, used_at) values (?, ?, ?)
                   on conflict do nothing returning 1)
        select p.state, p.voting_starts_at, p.voting_ends_at, s.proposal_id is not null, coalesce(s.final, false),
               s.quorum_reported_at is not null, (select count(*) from n),
               (select b.id from governance.ballot b where b.proposal_id = ? and b.voter = ? and not b.superseded)
        from (select 1) one
        left join governance.proposal p on p.id = ?
        left join governance.vote_snapshot s on s.proposal_id = ?""";

    /** Takes both locks, uses the nonce, reads the state: one round trip (rolled back with the transaction on refusal). */
    public Opening open(UUID proposal, String voter, String nonce, Instant at) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(OPEN)) {
                ps.setLong(1, VotesStore.key("proposal:" + proposal));
                ps.setLong(2, VotesStore.key("signer:" + voter));
                ps.setString(3, voter);
                ps.setString(4, nonce);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.setObject(6, proposal);
                ps.setString(7, voter);
                ps.setObject(8, proposal);
                ps.setObject(9, proposal);
                ResultSet rs = lastResult(ps, 3);
                try (rs) {
                    rs.next();
                    return new Opening(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getLong(7) == 1,
                        (UUID) rs.getObject(8));
                }
            }
        });
    }

    private static final String INSERT = """
        insert into governance.ballot (id, proposal_id, voter, choice, jws, received_at, replaces, audit_entry_id)
        values (?, ?, ?, ?, ?, ?, ?, ?) returning seq""";

    /**
     * Marks the voter's previous ballot (if any) superseded and inserts the new one, in that order (the partial unique
     * index allows one current ballot per voter): one round trip. Returns the new ballot's seq (receive order).
     */
    public long insert(UUID id, UUID proposal, String voter, Choice choice, String jws, Instant at, UUID replaces,
                       long auditEntryId) {
        return withConnection(c -> {
            String sql = replaces == null ? INSERT
                : "update governance.ballot set superseded = true where id = ?;\n" + INSERT;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (replaces != null) {
                    ps.setObject(i++, replaces);
                }
                ps.setObject(i++, id);
                ps.setObject(i++, proposal);
                ps.setString(i++, voter);
                ps.setString(i++, choice.wire());
                ps.setString(i++, jws);
                ps.setTimestamp(i++, Timestamp.from(at));
                if (replaces == null) {
                    ps.setNull(i++, java.sql.Types.OTHER);
                } else {
                    ps.setObject(i++, replaces);
                }
                ps.setLong(i, auditEntryId);
                ResultSet rs = lastResult(ps, replaces == null ? 1 : 2);
                try (rs) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Executes a prepared string of {@code statements} statements and returns the result set of the last (a query). */
    private static ResultSet lastResult(PreparedStatement ps, int statements) throws SQLException {
        ps.execute();
        for (int i = 1; i < statements; i++) {
            ps.getMoreResults();
        }
        ResultSet rs = ps.getResultSet();
        if (rs == null) {
            throw new SQLException("no result from the ballot's last statement");
        }
        return rs;
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T withConnection(SqlFunction<T> f) {
        try (Connection c = dataSource.getConnection()) {
            return f.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("governance ballot: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
