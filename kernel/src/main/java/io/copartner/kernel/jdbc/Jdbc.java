package io.copartner.kernel.jdbc;

import io.copartner.kernel.problem.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plain JDBC on the caller's JTA transaction: inside it Liberty hands out the one shared connection, so every
 * statement here commits or rolls back with the audit entry and the ledger posting of the same request.
 */
public final class Jdbc {

    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Each row to {@code action}, {@code fetchSize} rows per round trip: inside a transaction (autocommit off) the
     * driver then streams the result instead of holding all of it, so a 10^6-row read stays small.
     */
    public void forEach(String sql, Binder binder, int fetchSize, RowAction action) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** As an offset date-time: the driver maps it to timestamptz without the JVM's time zone in between. */
    public static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? null : (UUID) o;
    }

    public static RuntimeException failed(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return ProblemException.unavailable("the database is unavailable", e);
        }
        return new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
}
