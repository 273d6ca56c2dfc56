package io.copartner.governance.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * The lifecycle's row of a proposal (governance.proposal) as the fake windows describe it: a ballot's transaction
 * reads the state and window from it.
 */
final class ProposalRows {

    private ProposalRows() {
    }

    static void put(DataSource db, ProposalFacts f) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into governance.proposal (id, kind, state, title, description, links, author_did, author_party,
                    merchant_did, parameters_version, strategy, quorum_bps, threshold_bps, timelock_seconds,
                    grace_seconds, late_quorum_seconds, contribution_cap, contribution_window_seconds, created_at,
                    voting_starts_at, voting_ends_at, voting_extended)
                values (?, ?, ?, 't', 'd', '', ?, 'party:test', ?, 1, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, false)
                on conflict (id) do update set state = excluded.state, voting_starts_at = excluded.voting_starts_at,
                    voting_ends_at = excluded.voting_ends_at""")) {
            ps.setObject(1, f.id());
            ps.setString(2, f.kind().name());
            ps.setString(3, f.state().name());
            ps.setString(4, f.authorDid());
            ps.setString(5, f.listingMerchantDid());
            ps.setString(6, f.strategy().name());
            ps.setInt(7, f.quorumBps());
            ps.setInt(8, f.thresholdBps());
            ps.setLong(9, f.lateQuorumSeconds());
            ps.setLong(10, f.contributionCap());
            ps.setLong(11, f.contributionWindowSeconds());
            ps.setTimestamp(12, Timestamp.from(f.votingStartsAt()));
            ps.setTimestamp(13, Timestamp.from(f.votingStartsAt()));
            ps.setTimestamp(14, Timestamp.from(f.votingEndsAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
