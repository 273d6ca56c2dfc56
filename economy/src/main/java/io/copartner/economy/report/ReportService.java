package io.copartner.economy.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.economy.api.EntryIds;
import io.copartner.economy.api.PeriodFigures;
import io.copartner.economy.api.Settlement;
import io.copartner.economy.api.TransparencyReports;
import io.copartner.economy.api.event.PeriodSettled;
import io.copartner.identity.api.PlatformSigner;
import io.copartner.kernel.crypto.Hashes;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The transparency report of each settled period: built from every {@link PeriodFigures} bean in the transaction
 * that closes the period and audited ({@code economy.report} with the SHA-256 of its canonical body, proofs citing
 * entry ids); signed once the leaf index of each cited entry and of its own entry is known (the report carries them).
 * The signature is a compact JWS with a detached payload over the RFC 8785 canonical JSON of the report without
 * {@code signature}. Stored as a small skeleton plus each distinct set of cited entries once ({@link ReportStore}),
 * and written out by splicing the sets in ({@link ReportCanonical}): memory stays proportional to one set, not to
 * the report.
 */
@ApplicationScoped
public class ReportService implements TransparencyReports {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Links per figure on the HTML page; the JSON has them all. */
    static final int PAGE_LINKS = 50;

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
        // Each distinct set of cited entries once (sorted: a proof is a set, and the report lists sorted indexes):
        // the six payout figures of a period cite the same 10^6 entries.
        Map<List<Long>, Integer> byInstance = new IdentityHashMap<>();
        Map<SortedIds, Integer> byContent = new HashMap<>();
        List<long[]> sets = new ArrayList<>();
        List<Map<String, Object>> proofList = new ArrayList<>();
        proofs.forEach((pointer, ids) -> {
            int k = byInstance.computeIfAbsent(ids, x -> byContent.computeIfAbsent(SortedIds.of(ids), s -> {
                sets.add(s.ids);
                return sets.size() - 1;
            }));
            proofList.add(new LinkedHashMap<>(Map.of("figure", pointer, "set", k)));
        });
        body.put("proofs", proofList);
        byte[] sha = ReportCanonical.sha256(body, "auditEntries", sets::get);
        AuditReceipt r = audit.record("economy.report", "settlement-period:" + e.periodId(), e.at(), Map.of(
            "periodId", e.periodId(), "bodySha256", Hashes.hex(sha)));
        store.add(e.periodId(), json(body), r.entryId(), sets);
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
    public Optional<SignedReport> report(String periodId) {
        return signedRow(periodId).map(row -> {
            if (row.report() != null) {
                // Built and signed before V12: its whole text was stored.
                byte[] text = row.report().getBytes(StandardCharsets.UTF_8);
                return new Stored(etag(row.report()), out -> out.write(text));
            }
            Map<String, Object> skeleton = finalSkeleton(row);
            return new Stored(etag(row.signature()), out -> ReportCanonical.write(skeleton, "auditIndexes",
                new SetReader(row.periodId()), out));
        });
    }

    @Override
    public Optional<String> reportHtml(String periodId, String lang) {
        return signedRow(periodId).map(row -> ReportPage.render(pageView(row), lang));
    }

    /** The period's row once signed (signing it first if it is not yet). */
    private Optional<ReportStore.Row> signedRow(String periodId) {
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
        if (!row.signed()) {
            sign(row);
            row = store.find(periodId).orElseThrow();
        }
        return Optional.of(row);
    }

    /**
     * Resolves every set's entry ids to sorted leaf indexes (stored per set as it goes, so a retry after a 503
     * resumes), then signs the canonical bytes. Outside a transaction: each statement stands alone and is idempotent,
     * and two instances signing at once compute the same bytes and the same (deterministic EdDSA) signature.
     */
    private void sign(ReportStore.Row row) {
        Map<String, Object> skeleton = read(row.body());
        Map<Integer, long[]> leaves = new HashMap<>();
        for (int k : store.setNumbers(row.periodId())) {
            long[] indexes = store.leafIndexes(row.periodId(), k);
            if (indexes == null) {
                indexes = auditLog.leafIndexes(store.entryIds(row.periodId(), k));
                if (Arrays.stream(indexes).anyMatch(i -> i < 0)) {
                    throw waitingForSequencer(row.periodId());
                }
                Arrays.sort(indexes);
                store.putLeafIndexes(row.periodId(), k, indexes);
            }
            leaves.put(k, indexes);
        }
        long own = auditLog.leafIndexOf(row.auditEntry()).orElseThrow(() -> waitingForSequencer(row.periodId()));
        skeleton.put("auditIndex", own);
        byte[] canonical = ReportCanonical.bytes(skeleton, "auditIndexes", leaves::get);
        store.sign(row.periodId(), own, signer.signDetached(canonical, null), Instant.now());
    }

    private static ProblemException waitingForSequencer(String periodId) {
        return ProblemException.unavailable("the report of " + periodId + " waits for the audit log's sequencer; "
            + "retry in a moment");
    }

    /** The skeleton with auditIndex and signature: what is written out, sets spliced in. */
    private Map<String, Object> finalSkeleton(ReportStore.Row row) {
        Map<String, Object> skeleton = read(row.body());
        skeleton.put("auditIndex", row.auditIndex());
        skeleton.put("signature", row.signature());
        return skeleton;
    }

    /** What the page shows: every figure with its first {@link #PAGE_LINKS} leaf indexes and how many more. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> pageView(ReportStore.Row row) {
        if (row.report() != null) {
            return read(row.report());
        }
        Map<String, Object> view = finalSkeleton(row);
        SetReader sets = new SetReader(row.periodId());
        for (Map<String, Object> p : (List<Map<String, Object>>) view.get("proofs")) {
            long[] indexes = sets.get(((Number) p.remove("set")).intValue());
            p.put("auditIndexes", Arrays.stream(indexes).limit(PAGE_LINKS).boxed().toList());
            p.put("more", Math.max(0, indexes.length - PAGE_LINKS));
        }
        return view;
    }

    /** Reads sets as they are spliced in, keeping the last one: a report's consecutive figures often share it. */
    private final class SetReader implements ReportCanonical.Sets {
        private final String periodId;
        private int lastNo = -1;
        private long[] last;

        SetReader(String periodId) {
            this.periodId = periodId;
        }

        @Override
        public long[] get(int setNo) {
            if (setNo != lastNo) {
                last = store.leafIndexes(periodId, setNo);
                lastNo = setNo;
            }
            return last;
        }
    }

    /** Cited entry ids sorted, equal by content. */
    private static final class SortedIds {
        final long[] ids;
        private final int hash;

        private SortedIds(long[] ids) {
            this.ids = ids;
            this.hash = Arrays.hashCode(ids);
        }

        static SortedIds of(List<Long> ids) {
            long[] sorted = ids instanceof EntryIds c ? c.toLongArray() : ids.stream().mapToLong(Long::longValue)
                .toArray();
            Arrays.sort(sorted);
            return new SortedIds(sorted);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SortedIds other && hash == other.hash && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static String etag(String signed) {
        return "\"" + Hashes.hex(Hashes.sha256(signed.getBytes(StandardCharsets.UTF_8))).substring(0, 32) + "\"";
    }

    private record Stored(String etag, Writer writer) implements SignedReport {
        @Override
        public void writeTo(java.io.OutputStream out) throws java.io.IOException {
            writer.write(out);
        }
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws java.io.IOException;
    }

    static String json(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
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
