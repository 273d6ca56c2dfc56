package io.copartner.commerce.persistence;

import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.IdempotencyTable;
import io.copartner.kernel.idempotency.IdempotentRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Commerce's idempotency keys: the kernel's {@link IdempotencyTable} on {@code commerce.idempotency_key}, through the
 * connection of the caller's JTA transaction (Liberty shares it with Hibernate). A claim waits while a concurrent
 * request holds the same key, then replays its answer (or proceeds as the first if that one rolled back).
 */
@ApplicationScoped
public class IdempotencyRepository {

    private static final IdempotencyTable TABLE = new IdempotencyTable("commerce.idempotency_key");

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    public IdempotencyRepository() {
    }

    public IdempotencyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empty if this request owns the key now (its answer stored by {@link #complete}); else the earlier answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(IdempotentRequest request) {
        try (Connection c = dataSource.getConnection()) {
            IdempotencyTable.Claim claim = TABLE.claim(c, request, null);
            return claim.replayed() ? Optional.of(claim.result()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("no connection for the Idempotency-Key: " + e.getMessage(), e);
        }
    }

    /** Claims with the answer known up front (an id drawn before the write). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(IdempotentRequest request, String result) {
        try (Connection c = dataSource.getConnection()) {
            IdempotencyTable.Claim claim = TABLE.claim(c, request, result);
            return claim.replayed() ? Optional.of(claim.result()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("no connection for the Idempotency-Key: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(IdempotencyKey key, String result) {
        try (Connection c = dataSource.getConnection()) {
            TABLE.complete(c, key, result);
        } catch (SQLException e) {
            throw new IllegalStateException("no connection for the Idempotency-Key: " + e.getMessage(), e);
        }
    }
}
