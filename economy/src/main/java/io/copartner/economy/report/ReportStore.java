package io.copartner.economy.report;

import io.copartner.kernel.jdbc.Jdbc;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** SQL of {@code economy.transparency_report} and its {@code report_proof_set}s (V3, V12). */
class ReportStore {

    /**
     * {@code body} is the skeleton (proofs name a set), or for a report built before V12 the body with the entry ids
     * inline; {@code report} the whole signed text of such an old report; {@code signature} and {@code auditIndex}
     * complete a new one.
     */
    record Row(String periodId, String body, long auditEntry, String report, String signature, Long auditIndex) {
        boolean signed() {
            return report != null || signature != null;
        }
    }

    private final DataSource dataSource;
    private final Jdbc jdbc;

    ReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    /** Adds a built report and its sets (set k at index k); nothing when the period has one already. */
    void add(String periodId, String skeleton, long auditEntry, List<long[]> sets) {
        int inserted = jdbc.update("insert into economy.transparency_report (period_id, body, audit_entry) values "
            + "(?, ?, ?) on conflict do nothing", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, skeleton);
                ps.setLong(3, auditEntry);
            });
        if (inserted == 0) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
            "insert into economy.report_proof_set (period_id, set_no, entry_ids) values (?, ?, ?)")) {
            for (int k = 0; k < sets.size(); k++) {
                ps.setString(1, periodId);
                ps.setInt(2, k);
                ps.setBytes(3, pack(sets.get(k)));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    Optional<Row> find(String periodId) {
        return jdbc.query("select period_id, body, audit_entry, report, signature, audit_index from "
            + "economy.transparency_report where period_id = ?", ps -> ps.setString(1, periodId),
            rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                (Long) rs.getObject(6))).stream().findFirst();
    }

    List<Integer> setNumbers(String periodId) {
        return jdbc.query("select set_no from economy.report_proof_set where period_id = ? order by set_no",
            ps -> ps.setString(1, periodId), rs -> rs.getInt(1));
    }

    /** A set's entry ids as built. */
    long[] entryIds(String periodId, int setNo) {
        return column("entry_ids", periodId, setNo);
    }

    /** A set's sorted leaf indexes; null before the report is signed. */
    long[] leafIndexes(String periodId, int setNo) {
        return column("leaf_indexes", periodId, setNo);
    }

    void putLeafIndexes(String periodId, int setNo, long[] indexes) {
        jdbc.update("update economy.report_proof_set set leaf_indexes = ? where period_id = ? and set_no = ? and "
            + "leaf_indexes is null", ps -> {
                ps.setBytes(1, pack(indexes));
                ps.setString(2, periodId);
                ps.setInt(3, setNo);
            });
    }

    /** Completes a report; a second signer (another instance) computed the same bytes and the same signature. */
    void sign(String periodId, long auditIndex, String signature, Instant at) {
        jdbc.update("update economy.transparency_report set signature = ?, audit_index = ?, signed_at = ? where "
            + "period_id = ? and signature is null and report is null", ps -> {
                ps.setString(1, signature);
                ps.setLong(2, auditIndex);
                ps.setObject(3, Jdbc.ts(at));
                ps.setString(4, periodId);
            });
    }

    private long[] column(String column, String periodId, int setNo) {
        List<byte[]> rows = jdbc.query("select " + column + " from economy.report_proof_set where period_id = ? and "
            + "set_no = ?", ps -> {
                ps.setString(1, periodId);
                ps.setInt(2, setNo);
            }, rs -> rs.getBytes(1));
        return rows.isEmpty() ? null : unpack(rows.get(0));
    }

    static byte[] pack(long[] numbers) {
        ByteBuffer b = ByteBuffer.allocate(numbers.length * Long.BYTES);
        b.asLongBuffer().put(numbers);
        return b.array();
    }

    static long[] unpack(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        long[] out = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(out);
        return out;
    }
}
