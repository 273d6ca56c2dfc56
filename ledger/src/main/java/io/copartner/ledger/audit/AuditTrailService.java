package io.copartner.ledger.audit;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.json.CanonicalJson;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.audit.merkle.Rfc9162;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes audit entries: canonical JSON (RFC 8785) of {v, type, subject, time, payload}, leaf hash
 * SHA-256(0x00 ‖ canonical bytes) per RFC 9162. One INSERT round trip (one JDBC batch per table for
 * {@link #recordAll}); no shared row is touched.
 */
@ApplicationScoped
public class AuditTrailService implements AuditTrail {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "copartner")
    EntityManager em;

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditReceipt record(String type, String subject, Map<String, ?> payload) {
        return record(type, subject, Instant.now(), payload);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditReceipt record(String type, String subject, Instant at, Map<String, ?> payload) {
        requireText(type, "type", 100);
        requireText(subject, "subject", 300);
        Objects.requireNonNull(payload, "payload");
        Instant time = Objects.requireNonNull(at, "time").truncatedTo(ChronoUnit.MICROS);
        String canonical = canonical(type, subject, time, payload);
        byte[] leafHash = Rfc9162.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
        Number id = (Number) em.createNativeQuery("""
                with e as (
                  insert into ledger.audit_entry (type, subject, canonical, leaf_hash, recorded_at)
                  values (?1, ?2, ?3, ?4, ?5) returning id)
                insert into ledger.audit_pending (entry_id) select id from e returning entry_id""")
            .setParameter(1, type)
            .setParameter(2, subject)
            .setParameter(3, canonical)
            .setParameter(4, leafHash)
            .setParameter(5, time)
            .getSingleResult();
        return new AuditReceipt(id.longValue(), Hashes.hex(leafHash), time);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditReceipt> recordAll(String type, String subject, Instant at,
                                        List<? extends Map<String, ?>> payloads) {
        requireText(type, "type", 100);
        requireText(subject, "subject", 300);
        Objects.requireNonNull(payloads, "payloads");
        Instant time = Objects.requireNonNull(at, "time").truncatedTo(ChronoUnit.MICROS);
        List<AuditReceipt> receipts = new ArrayList<>(payloads.size());
        if (payloads.isEmpty()) {
            return receipts;
        }
        List<byte[]> hashes = new ArrayList<>(payloads.size());
        // The shared connection of the JTA transaction (the one the EntityManager uses): one batch per table.
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into ledger.audit_entry (type, subject, canonical, "
                + "leaf_hash, recorded_at) values (?, ?, ?, ?, ?)", new String[] {"id"})) {
                OffsetDateTime recorded = time.atOffset(ZoneOffset.UTC);
                for (Map<String, ?> payload : payloads) {
                    String canonical = canonical(type, subject, time, Objects.requireNonNull(payload, "payload"));
                    byte[] leafHash = Rfc9162.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
                    hashes.add(leafHash);
                    ps.setString(1, type);
                    ps.setString(2, subject);
                    ps.setString(3, canonical);
                    ps.setBytes(4, leafHash);
                    ps.setObject(5, recorded);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next()) {
                        receipts.add(new AuditReceipt(keys.getLong(1), Hashes.hex(hashes.get(i++)), time));
                    }
                }
            }
            if (receipts.size() != payloads.size()) {
                throw new IllegalStateException("recorded " + receipts.size() + " of " + payloads.size() + " entries");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ledger.audit_pending (entry_id) values (?)")) {
                for (AuditReceipt r : receipts) {
                    ps.setLong(1, r.entryId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording " + payloads.size() + " " + type + " entries failed: "
                + e.getMessage(), e);
        }
        return receipts;
    }

    static String canonical(String type, String subject, Instant time, Map<String, ?> payload) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("v", 1);
        entry.put("type", type);
        entry.put("subject", subject);
        entry.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        entry.put("payload", payload);
        // Maps, lists, strings and small integers (every payload the platform writes today) are written straight to
        // their canonical form; anything else goes through JSON-B and the canonicalizer. Same characters either way.
        return CanonicalJson.writeSimple(entry).orElseGet(() -> CanonicalJson.canonicalize(JSONB.toJson(entry)));
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1.." + max + " characters");
        }
    }
}
