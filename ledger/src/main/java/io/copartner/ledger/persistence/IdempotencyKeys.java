package io.copartner.ledger.persistence;

import io.copartner.kernel.idempotency.IdempotencyTable;
import io.copartner.kernel.idempotency.IdempotentRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The ledger's idempotency keys: the kernel's {@link IdempotencyTable} on {@code ledger.idempotency_key}, through the
 * connection of the caller's JTA transaction (Liberty shares it with Hibernate), so a claim commits or rolls back
 * with the entry it guards.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final IdempotencyTable TABLE = new IdempotencyTable("ledger.idempotency_key");

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    /**
     * Claims the key for the entry about to be written (its id drawn up front); the claim of a concurrent request
     * with the same key waits for this transaction. Replayed: the id of the entry the first request wrote.
     */
    public IdempotencyTable.Claim claim(IdempotentRequest request, UUID entryId) {
        try (Connection c = dataSource.getConnection()) {
            return TABLE.claim(c, request, entryId.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("no connection for the Idempotency-Key: " + e.getMessage(), e);
        }
    }
}
