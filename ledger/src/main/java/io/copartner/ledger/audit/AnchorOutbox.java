package io.copartner.ledger.audit;

import io.copartner.ledger.audit.AnchorOutboxStore.Claim;
import io.copartner.ledger.audit.AnchorOutboxStore.Recorded;
import io.copartner.ledger.chain.AnchorReceipt;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The database steps of anchoring, each its own short transaction (the worker calls them with none open). */
@ApplicationScoped
public class AnchorOutbox {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claim(String instance, long leaseSeconds) {
        return run(c -> AnchorOutboxStore.claim(c, instance, leaseSeconds));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(long id, String instance, long leaseSeconds) {
        return run(c -> AnchorOutboxStore.renew(c, id, instance, leaseSeconds));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void noteTx(long id, String instance, String txHash) {
        run(c -> {
            AnchorOutboxStore.noteTx(c, id, instance, txHash);
            return null;
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(AnchorReceipt receipt, byte[] root) {
        return run(c -> AnchorOutboxStore.record(c, receipt, root));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(long id, String instance, String error, long backoffSeconds) {
        run(c -> {
            AnchorOutboxStore.fail(c, id, instance, error, backoffSeconds);
            return null;
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean queued(long id) {
        return run(c -> AnchorOutboxStore.queued(c, id));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded recorded(String contract) {
        return run(c -> AnchorOutboxStore.recorded(c, contract));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<byte[]> checkpointRoot(long treeSize) {
        return run(c -> AnchorOutboxStore.checkpointRoot(c, treeSize));
    }

    @FunctionalInterface
    interface Sql<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T run(Sql<T> sql) {
        try (Connection c = dataSource.getConnection()) {
            return sql.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("anchor outbox: " + e.getMessage(), e);
        }
    }
}
