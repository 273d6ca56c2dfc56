package io.copartner.commerce.persistence;

import io.copartner.commerce.trace.Epc;
import io.copartner.commerce.trace.SubjectState;
import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The traceability tables (V4__traceability.sql) in plain JDBC, in the caller's transaction. */
@ApplicationScoped
public class TraceStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    public TraceStore() {
    }

    public TraceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** A product as the trace rules see it. */
    public record ProductRow(UUID id, String gtin, String merchantId, String merchantDid, String name,
                               String status, boolean merchantSuspended) {
    }

    public record Party(UUID productId, String did, String role, Instant authorisedAt, String authorisedBy,
                        Instant endedAt) {
    }

    public record StoredEvent(long seq, String eventId, String eventType, Instant eventTime, Instant recordTime,
                              String signerDid, String kid, String alg, String stored, long auditEntryId) {
    }

    public record NewEvent(String eventId, String eventType, Instant eventTime, Instant recordTime, String signerDid,
                           String kid, String alg, UUID captureId, String stored, long auditEntryId) {
    }

    public record Capture(UUID id, String caller, boolean success, String errors, int events, Instant createdAt) {
    }

    private static final String PRODUCT = "select p.id, p.gtin, p.merchant_id, p.merchant_did, p.name, p.status, "
        + "p.merchant_suspended from commerce.product p ";

    public Optional<ProductRow> productByGtin(String gtin14) {
        return jdbc().query(PRODUCT + "where p.gtin = ?", ps -> ps.setString(1, gtin14), TraceStore::product)
            .stream().findFirst();
    }

    public Optional<ProductRow> product(UUID id) {
        return jdbc().query(PRODUCT + "where p.id = ?", ps -> ps.setObject(1, id), TraceStore::product)
            .stream().findFirst();
    }

    private static ProductRow product(ResultSet rs) throws SQLException {
        return new ProductRow(Jdbc.uuid(rs, "id"), rs.getString("gtin").trim(), rs.getString("merchant_id"),
            rs.getString("merchant_did"), rs.getString("name"), rs.getString("status"),
            rs.getBoolean("merchant_suspended"));
    }

    // --- parties

    public boolean authorise(UUID productId, String did, String role, Instant at, String by, long auditEntryId) {
        return jdbc().update("insert into commerce.trace_party (product_id, did, role, authorised_at, authorised_by, "
            + "audit_entry_id) values (?, ?, ?, ?, ?, ?) on conflict (product_id, did) where ended_at is null do nothing",
            ps -> {
                ps.setObject(1, productId);
                ps.setString(2, did);
                ps.setString(3, role);
                ps.setObject(4, Jdbc.ts(at));
                ps.setString(5, by);
                ps.setLong(6, auditEntryId);
            }) == 1;
    }

    public boolean end(UUID productId, String did, Instant at, String by) {
        return jdbc().update("update commerce.trace_party set ended_at = ?, ended_by = ? where product_id = ? and did = ? "
            + "and ended_at is null", ps -> {
                ps.setObject(1, Jdbc.ts(at));
                ps.setString(2, by);
                ps.setObject(3, productId);
                ps.setString(4, did);
            }) == 1;
    }

    public Optional<Party> activeParty(UUID productId, String did) {
        return jdbc().query("select * from commerce.trace_party where product_id = ? and did = ? and ended_at is null",
            ps -> {
                ps.setObject(1, productId);
                ps.setString(2, did);
            }, TraceStore::party).stream().findFirst();
    }

    /** Every authorisation of the product, in force or ended, oldest first. */
    public List<Party> parties(UUID productId) {
        return jdbc().query("select * from commerce.trace_party where product_id = ? order by authorised_at",
            ps -> ps.setObject(1, productId), TraceStore::party);
    }

    private static Party party(ResultSet rs) throws SQLException {
        return new Party(Jdbc.uuid(rs, "product_id"), rs.getString("did"), rs.getString("role"),
            Jdbc.instant(rs, "authorised_at"), rs.getString("authorised_by"), Jdbc.instant(rs, "ended_at"));
    }

    // --- events

    public boolean eventExists(String eventId) {
        return !jdbc().query("select 1 from commerce.epcis_event where event_id = ?", ps -> ps.setString(1, eventId),
            rs -> 1).isEmpty();
    }

    public long insertEvent(NewEvent e) {
        return jdbc().query("insert into commerce.epcis_event (event_id, event_type, event_time, record_time, signer_did, "
            + "kid, alg, capture_id, stored, audit_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seq", ps -> {
                ps.setString(1, e.eventId());
                ps.setString(2, e.eventType());
                ps.setObject(3, Jdbc.ts(e.eventTime()));
                ps.setObject(4, Jdbc.ts(e.recordTime()));
                ps.setString(5, e.signerDid());
                ps.setString(6, e.kid());
                ps.setString(7, e.alg());
                ps.setObject(8, e.captureId());
                ps.setString(9, e.stored());
                ps.setLong(10, e.auditEntryId());
            }, rs -> rs.getLong(1)).get(0);
    }

    public void insertEpc(long eventSeq, String epcKey, String field, UUID productId) {
        jdbc().update("insert into commerce.epcis_event_epc (event_seq, epc_key, field, product_id) values (?, ?, ?, ?) "
            + "on conflict do nothing", ps -> {
                ps.setLong(1, eventSeq);
                ps.setString(2, epcKey);
                ps.setString(3, field);
                ps.setObject(4, productId);
            });
    }

    /**
     * The events of a subject, oldest first: those naming it, plus those naming a logistic unit during the span the
     * subject was aggregated into it.
     */
    public List<StoredEvent> eventsOf(String epcKey) {
        return jdbc().query("select e.* from commerce.epcis_event e where e.seq in ("
            + "select x.event_seq from commerce.epcis_event_epc x where x.epc_key = ? union "
            + "select x.event_seq from commerce.trace_aggregation a join commerce.epcis_event_epc x "
            + "on x.epc_key = a.parent_key and x.event_seq > a.from_seq and (a.to_seq is null or x.event_seq <= a.to_seq) "
            + "where a.child_key = ?) order by e.event_time, e.seq", ps -> {
                ps.setString(1, epcKey);
                ps.setString(2, epcKey);
            }, rs -> new StoredEvent(rs.getLong("seq"), rs.getString("event_id"), rs.getString("event_type"),
                Jdbc.instant(rs, "event_time"), Jdbc.instant(rs, "record_time"), rs.getString("signer_did"),
                rs.getString("kid"), rs.getString("alg"), rs.getString("stored"), rs.getLong("audit_entry_id")));
    }

    public long eventCount() {
        return jdbc().query("select count(*) from commerce.epcis_event", ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    // --- subjects

    /**
     * The subject locked for this transaction (captures naming it run one at a time), empty if never seen.
     * A row lock cannot guard a row that does not exist yet: two concurrent first commissionings of one EPC would
     * both read "never seen" and both pass. So an unseen subject is claimed first by inserting a placeholder row
     * (not commissioned, no product): the unique key makes a concurrent claimer wait for this transaction, then
     * read what it committed (commissioned: refused), or, if this one rolled back, claim the key itself. The
     * placeholder never outlives the transaction unseen: the capture either saves the subject over it
     * ({@link #saveSubject}) or is refused and rolled back.
     */
    public Optional<SubjectState> lockSubject(Epc epc) {
        boolean claimed = !jdbc().query("insert into commerce.trace_subject (epc_key, kind, product_id, commissioned, "
            + "decommissioned) values (?, ?, null, false, false) on conflict (epc_key) do nothing returning epc_key",
            ps -> {
                ps.setString(1, epc.key());
                ps.setString(2, epc.kind().name());
            }, rs -> 1).isEmpty();
        if (claimed) {
            return Optional.empty();
        }
        return jdbc().query("select * from commerce.trace_subject where epc_key = ? for update",
            ps -> ps.setString(1, epc.key()), TraceStore::subject).stream().findFirst();
    }

    public Optional<SubjectState> subject(String key) {
        return jdbc().query("select * from commerce.trace_subject where epc_key = ?",
            ps -> ps.setString(1, key), TraceStore::subject).stream().findFirst();
    }

    /** The subjects aggregated in a logistic unit now. */
    public List<SubjectState> contents(String parentKey) {
        return jdbc().query("select * from commerce.trace_subject where parent_key = ? order by epc_key for update",
            ps -> ps.setString(1, parentKey), TraceStore::subject);
    }

    public List<SubjectState> contentsUnlocked(String parentKey) {
        return jdbc().query("select * from commerce.trace_subject where parent_key = ? order by epc_key",
            ps -> ps.setString(1, parentKey), TraceStore::subject);
    }

    public void saveSubject(SubjectState s) {
        jdbc().update("insert into commerce.trace_subject (epc_key, kind, product_id, commissioned, decommissioned, "
            + "latest_event_time, parent_key) values (?, ?, ?, ?, ?, ?, ?) on conflict (epc_key) do update set "
            + "product_id = excluded.product_id, commissioned = excluded.commissioned, "
            + "decommissioned = excluded.decommissioned, "
            + "latest_event_time = excluded.latest_event_time, parent_key = excluded.parent_key", ps -> {
                ps.setString(1, s.key());
                ps.setString(2, s.kind().name());
                ps.setObject(3, s.productId());
                ps.setBoolean(4, s.commissioned());
                ps.setBoolean(5, s.decommissioned());
                ps.setObject(6, Jdbc.ts(s.latestEventTime()));
                ps.setString(7, s.parent());
            });
    }

    private static SubjectState subject(ResultSet rs) throws SQLException {
        return new SubjectState(rs.getString("epc_key"), Epc.Kind.valueOf(rs.getString("kind")),
            Jdbc.uuid(rs, "product_id"), rs.getBoolean("commissioned"), rs.getBoolean("decommissioned"),
            Jdbc.instant(rs, "latest_event_time"), rs.getString("parent_key"));
    }

    public void aggregate(String child, String parent, long fromSeq) {
        jdbc().update("insert into commerce.trace_aggregation (child_key, parent_key, from_seq) values (?, ?, ?)", ps -> {
            ps.setString(1, child);
            ps.setString(2, parent);
            ps.setLong(3, fromSeq);
        });
    }

    public void disaggregate(String child, String parent, long toSeq) {
        jdbc().update("update commerce.trace_aggregation set to_seq = ? where child_key = ? and parent_key = ? "
            + "and to_seq is null", ps -> {
                ps.setLong(1, toSeq);
                ps.setString(2, child);
                ps.setString(3, parent);
            });
    }

    /** Spans in which a subject was inside logistic units: parent key, from and to event sequence. */
    public List<String[]> aggregationsOf(String child) {
        return jdbc().query("select parent_key, from_seq, to_seq from commerce.trace_aggregation where child_key = ? "
            + "order by from_seq", ps -> ps.setString(1, child), rs -> new String[] {rs.getString(1),
                rs.getString(2), rs.getString(3)});
    }

    // --- capture jobs

    public void insertCapture(Capture c) {
        jdbc().update("insert into commerce.epcis_capture (id, caller, success, errors, events, created_at) "
            + "values (?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, c.id());
                ps.setString(2, c.caller());
                ps.setBoolean(3, c.success());
                ps.setString(4, c.errors());
                ps.setInt(5, c.events());
                ps.setObject(6, Jdbc.ts(c.createdAt()));
            });
    }

    public Optional<Capture> capture(UUID id) {
        return jdbc().query("select * from commerce.epcis_capture where id = ?", ps -> ps.setObject(1, id),
            rs -> new Capture(Jdbc.uuid(rs, "id"), rs.getString("caller"), rs.getBoolean("success"),
                rs.getString("errors"), rs.getInt("events"), Jdbc.instant(rs, "created_at"))).stream().findFirst();
    }
}
