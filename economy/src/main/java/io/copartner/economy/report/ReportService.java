package io.copartner.economy.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.economy.api.PeriodFigures;
import io.copartner.economy.api.Settlement;
import io.copartner.economy.api.TransparencyReports;
import io.copartner.economy.api.event.PeriodSettled;
import io.copartner.identity.api.PlatformSigner;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.json.CanonicalJson;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The transparency report of each settled period: built from every {@link PeriodFigures} bean in the transaction
 * that closes the period and audited ({@code economy.report} with the SHA-256 of its body); signed once the leaf
 * index of each cited entry and of its own entry is known (the report carries them). The JWS is over the RFC 8785
 * canonical JSON of the report without {@code signature}.
 */
@ApplicationScoped
public class ReportService implements TransparencyReports {

    static final ObjectMapper JSON = new ObjectMapper();

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Inject
    Instance<PeriodFigures> providers;

    @Inject
    Settlement settlement;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    PlatformSigner signer;

    private ReportStore store;

    @PostConstruct
    void init() {
        store = new ReportStore(dataSource);
    }

    void onSettled(@Observes PeriodSettled e) {
        Map<String, PeriodFigures.Figure> figures = new LinkedHashMap<>();
        for (PeriodFigures p : providers) {
            figures.putAll(p.figures(e.start(), e.end()));
        }
        Map<String, Object> body = ReportShape.skeleton(e.periodId(), e.start(), e.end());
        Map<String, List<Long>> proofs = new LinkedHashMap<>();
        ReportShape.defaultFigures().forEach(f -> proofs.put(f, List.of()));
        figures.forEach((pointer, f) -> {
            ReportShape.set(body, pointer, f.value());
            proofs.put(pointer, f.auditEntries());
        });
        ReportShape.addNotes(body);
        List<Map<String, Object>> proofList = new ArrayList<>();
        proofs.forEach((pointer, ids) -> proofList.add(new LinkedHashMap<>(Map.of("figure", pointer,
            "auditEntries", ids))));
        body.put("proofs", proofList);
        String canonical = canonical(body);
        AuditReceipt r = audit.record("economy.report", "settlement-period:" + e.periodId(), e.at(), Map.of(
            "periodId", e.periodId(), "bodySha256", Hashes.hex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)))));
        store.add(e.periodId(), canonical, r.entryId());
    }

    @Override
    public Page reports(String cursor) {
        List<Settlement.PeriodView> periods = settlement.periods(cursor, PAGE + 1);
        boolean more = periods.size() > PAGE;
        List<Item> items = periods.stream().limit(PAGE).map(p -> new Item(p.periodId(), p.start(), p.end(), p.state()))
            .toList();
        return new Page(items, more ? items.get(items.size() - 1).periodId() : null);
    }

    @Override
    @Transactional
    public Optional<String> report(String periodId) {
        Optional<Settlement.PeriodView> period = settlement.period(periodId);
        if (period.isEmpty()) {
            return Optional.empty();
        }
        if (!period.get().state().equals("CLOSED")) {
            throw ProblemException.conflict("period " + periodId + " is " + period.get().state()
                + ": its report is published when it is CLOSED");
        }
        ReportStore.Row row = store.find(periodId).orElseThrow(() -> ProblemException.unavailable(
            "the report of " + periodId + " is being built; retry in a moment"));
        if (row.report() != null) {
            return Optional.of(row.report());
        }
        String signed = sign(row);
        store.sign(periodId, signed, Instant.now());
        return Optional.of(store.find(periodId).map(ReportStore.Row::report).orElse(signed));
    }

    /** The final report: entry ids resolved to leaf indexes, its own auditIndex, then the signature. */
    private String sign(ReportStore.Row row) {
        Map<String, Object> body = read(row.body());
        List<Long> ids = new ArrayList<>();
        ids.add(row.auditEntry());
        List<Map<String, Object>> proofs = (List<Map<String, Object>>) body.get("proofs");
        for (Map<String, Object> p : proofs) {
            for (Object id : (List<?>) p.get("auditEntries")) {
                ids.add(((Number) id).longValue());
            }
        }
        Map<Long, Long> leaf = auditLog.leafIndexesOf(ids);
        if (leaf.size() < new java.util.HashSet<>(ids).size()) {
            throw ProblemException.unavailable("the report of " + row.periodId() + " waits for the audit log's "
                + "sequencer; retry in a moment");
        }
        for (Map<String, Object> p : proofs) {
            List<Long> indexes = ((List<?>) p.remove("auditEntries")).stream()
                .map(id -> leaf.get(((Number) id).longValue())).sorted().toList();
            p.put("auditIndexes", indexes);
        }
        body.put("auditIndex", leaf.get(row.auditEntry()));
        String canonical = canonical(body);
        body.put("signature", signer.signCompact(canonical.getBytes(StandardCharsets.UTF_8), null));
        return canonical(body);
    }

    @Override
    public Optional<String> reportHtml(String periodId, String lang) {
        return report(periodId).map(json -> ReportPage.render(read(json), lang));
    }

    static String canonical(Map<String, Object> map) {
        try {
            return CanonicalJson.canonicalize(JSON.writeValueAsString(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
