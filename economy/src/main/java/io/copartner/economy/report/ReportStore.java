package io.copartner.economy.report;

import io.copartner.kernel.jdbc.Jdbc;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** SQL of {@code economy.transparency_report}. */
class ReportStore {

    record Row(String periodId, String body, long auditEntry, String report) {
    }

    private final Jdbc jdbc;

    ReportStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    void add(String periodId, String body, long auditEntry) {
        jdbc.update("insert into economy.transparency_report (period_id, body, audit_entry) values (?, ?, ?) "
            + "on conflict do nothing", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, body);
                ps.setLong(3, auditEntry);
            });
    }

    Optional<Row> find(String periodId) {
        return jdbc.query("select period_id, body, audit_entry, report from economy.transparency_report "
            + "where period_id = ?", ps -> ps.setString(1, periodId),
            rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).stream().findFirst();
    }

    void sign(String periodId, String report, Instant at) {
        jdbc.update("update economy.transparency_report set report = ?, signed_at = ? where period_id = ? and "
            + "report is null", ps -> {
                ps.setString(1, report);
                ps.setObject(2, Jdbc.ts(at));
                ps.setString(3, periodId);
            });
    }
}
