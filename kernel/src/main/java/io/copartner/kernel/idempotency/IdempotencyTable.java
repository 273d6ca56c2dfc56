package io.copartner.kernel.idempotency;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.Idempotency.Stored;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotency keys in a module's own PostgreSQL table (each module owns its schema, so each has one table of the
 * layout {@link #ddl(String)}), used through the connection of the caller's transaction: the claim commits or rolls
 * back with the write it guards.
 *
 * <p>Plain JDBC ({@code java.sql} only) so the kernel stays free of JPA and CDI: a module hands in the connection of
 * its JTA transaction (Liberty shares one physical connection per transaction with Hibernate).
 *
 * <p>Concurrency: {@link #claim} is {@code INSERT .. ON CONFLICT (key) DO NOTHING}. While another transaction holds an
 * uncommitted claim of the same key, PostgreSQL makes the insert wait for it; when that one commits, this claim finds
 * its row and replays its answer, when it rolls back, this claim wins and executes. So of N concurrent requests with
 * one key exactly one executes and the others replay its answer (after waiting); none is refused for being early.
 * {@code idempotency-in-progress} remains only for a committed claim without an answer (a write whose answer is
 * stored by a later step that has not run).
 */
public final class IdempotencyTable {

    private static final Pattern QUALIFIED = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    private final String table;
    private final String insert;
    private final String select;
    private final String update;

    /** {@code schema.table}, lower-case SQL identifiers (it is put into the SQL text, so nothing else is allowed). */
    public IdempotencyTable(String qualifiedName) {
        Objects.requireNonNull(qualifiedName, "qualifiedName must not be null");
        if (!QUALIFIED.matcher(qualifiedName).matches()) {
            throw new IllegalArgumentException("not a schema.table name: " + qualifiedName);
        }
        this.table = qualifiedName;
        this.insert = "insert into " + table + " (key, operation, caller, fingerprint, result)"
            + " values (?, ?, ?, ?, ?) on conflict (key) do nothing";
        this.select = "select operation, caller, fingerprint, result from " + table + " where key = ?";
        this.update = "update " + table + " set result = ? where key = ? and result is null";
    }

    /** The table's layout; each module's migration creates it in the module's schema. */
    public static String ddl(String qualifiedName) {
        return "create table " + new IdempotencyTable(qualifiedName).table + " (\n"
            + "    key         varchar(200) primary key,\n"
            + "    operation   varchar(100) not null,\n"
            + "    caller      varchar(300) not null,\n"
            + "    fingerprint char(64)     not null,\n"
            + "    result      varchar(200),\n"
            + "    created_at  timestamptz  not null default clock_timestamp()\n"
            + ")";
    }

    /** The outcome of a claim: execute the write, or replay {@code result} (the first request's answer). */
    public record Claim(boolean replayed, String result) {
        static Claim executes(String result) {
            return new Claim(false, result);
        }

        static Claim replays(String result) {
            return new Claim(true, result);
        }
    }

    /**
     * Claims the key for this request in the caller's transaction, storing {@code result} as its answer when the write
     * knows it up front (an id drawn before writing), or null to {@link #complete} it later in the same transaction.
     * Waits while a concurrent transaction holds the key. Throws the 409 problems of
     * {@link Idempotency#replayOrRefuse} when the key is taken by another request or has no answer.
     */
    public Claim claim(Connection c, IdempotentRequest request, String result) {
        Objects.requireNonNull(request, "request must not be null");
        try {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, request.key().value());
                ps.setString(2, request.operation());
                ps.setString(3, request.caller().value());
                ps.setString(4, request.fingerprint());
                ps.setString(5, result);
                if (ps.executeUpdate() == 1) {
                    return Claim.executes(result);
                }
            }
            // The key was committed by another transaction (READ COMMITTED: this statement sees it).
            Stored stored = find(c, request.key()).orElseThrow(() -> new IllegalStateException(
                "Idempotency-Key " + request.key() + " conflicted but is not in " + table));
            return Claim.replays(Idempotency.replayOrRefuse(request, stored));
        } catch (SQLException e) {
            throw failed("claiming", e);
        }
    }

    /** Stores the answer of a claim made with a null result, in the same transaction. */
    public void complete(Connection c, IdempotencyKey key, String result) {
        Objects.requireNonNull(result, "result must not be null");
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setString(1, result);
            ps.setString(2, key.value());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("Idempotency-Key " + key + " was not claimed without an answer");
            }
        } catch (SQLException e) {
            throw failed("completing", e);
        }
    }

    /**
     * A look before work outside the database (Keycloak): the answer to replay if this request was done before,
     * empty if the key is free; the 409 problems of {@link Idempotency#replayOrRefuse} otherwise. Taking no lock, it
     * never replaces the {@link #claim} in the write's own transaction.
     */
    public Optional<String> earlier(Connection c, IdempotentRequest request) {
        try {
            return find(c, request.key()).map(s -> Idempotency.replayOrRefuse(request, s));
        } catch (SQLException e) {
            throw failed("reading", e);
        }
    }

    private Optional<Stored> find(Connection c, IdempotencyKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rs.getString(1), PartyId.parse(rs.getString(2)), rs.getString(3),
                    rs.getString(4)));
            }
        }
    }

    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " an Idempotency-Key in " + table + " failed: " + e.getMessage(), e);
    }
}
