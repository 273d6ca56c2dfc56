package io.copartner.kernel.idempotency;

import io.copartner.kernel.problem.ProblemException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link IdempotencyTable} used through a container {@link DataSource}: inside a JTA transaction the container
 * hands out the transaction's one connection, so the claim commits or rolls back with the write it guards. A
 * module's CDI repository only names its table and delegates here (new modules need no copy of the JDBC plumbing).
 */
public final class JtaIdempotency {

    private final DataSource dataSource;
    private final IdempotencyTable table;

    public JtaIdempotency(DataSource dataSource, String qualifiedTableName) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        this.table = new IdempotencyTable(qualifiedTableName);
    }

    /** Empty if this request owns the key now (its answer stored by {@link #complete}); else the earlier answer. */
    public Optional<String> claim(IdempotentRequest request) {
        return claim(request, null);
    }

    /** Claims with the answer known up front (an id drawn before the write); empty if this request owns the key. */
    public Optional<String> claim(IdempotentRequest request, String result) {
        try (Connection c = dataSource.getConnection()) {
            IdempotencyTable.Claim claim = table.claim(c, request, result);
            return claim.replayed() ? Optional.of(claim.result()) : Optional.empty();
        } catch (SQLException e) {
            throw noConnection(e);
        }
    }

    /** Stores the answer of a claim made without one, in the same transaction. */
    public void complete(IdempotencyKey key, String result) {
        try (Connection c = dataSource.getConnection()) {
            table.complete(c, key, result);
        } catch (SQLException e) {
            throw noConnection(e);
        }
    }

    private static RuntimeException noConnection(SQLException e) {
        return ProblemException.unavailable("the database is unavailable (Idempotency-Key)", e);
    }
}
