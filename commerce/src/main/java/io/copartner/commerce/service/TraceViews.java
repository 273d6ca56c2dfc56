package io.copartner.commerce.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.commerce.api.Traceability.Anchor;
import io.copartner.commerce.api.Traceability.Link;
import io.copartner.commerce.api.Traceability.TraceEvent;
import io.copartner.commerce.api.Traceability.TraceProduct;
import io.copartner.commerce.api.Traceability.TraceView;
import io.copartner.commerce.persistence.TraceStore;
import io.copartner.commerce.trace.Epc;
import io.copartner.ledger.api.AuditLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the public trace of one item or batch from the stored events, the audit log and its anchors. */
final class TraceViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] EPC_FIELDS = {"epcList", "childEPCs", "inputEPCList", "outputEPCList"};
    private static final String[] QUANTITY_FIELDS = {"quantityList", "childQuantityList", "inputQuantityList",
        "outputQuantityList"};

    private final TraceStore store;
    private final AuditLog auditLog;

    TraceViews(TraceStore store, AuditLog auditLog) {
        this.store = store;
        this.auditLog = auditLog;
    }

    TraceView build(Epc epc, String digitalLink, TraceStore.ProductRow product, boolean merchantVerified) {
        String key = epc.key();
        List<TraceStore.StoredEvent> stored = store.eventsOf(key);
        Map<Long, Long> indexes = auditLog.leafIndexesOf(stored.stream().map(TraceStore.StoredEvent::auditEntryId).toList());
        // Anchors newest first: the first covering a leaf is the one with the smallest tree size above its index.
        List<AuditLog.Anchor> anchors = indexes.isEmpty() ? List.of()
            : anchorsDownTo(indexes.values().stream().mapToLong(Long::longValue).min().orElse(0));
        Map<String, String> roles = new HashMap<>();
        for (TraceStore.Party p : store.parties(product.id())) {
            roles.put(p.did(), p.role());
        }
        List<TraceEvent> events = new ArrayList<>();
        List<Link> genealogy = new ArrayList<>();
        for (String[] span : store.aggregationsOf(key)) {
            genealogy.add(new Link("inside", span[0], null));
        }
        for (TraceStore.StoredEvent s : stored) {
            JsonNode e = parse(s.stored());
            Long index = indexes.get(s.auditEntryId());
            Anchor anchor = index == null ? null : anchorOf(index, anchors);
            boolean names = names(e, key);
            String role = s.signerDid().equals(product.merchantDid()) ? "merchant" : roles.getOrDefault(s.signerDid(), "party");
            List<String> why = new ArrayList<>();
            e.path("bizTransactionList").forEach(t -> why.add(t.path("type").asText("") + " "
                + t.path("bizTransaction").asText("")));
            events.add(new TraceEvent(s.eventId(), s.stored(), s.eventType(), text(e, "action"), text(e, "bizStep"),
                text(e, "disposition"), text(e, "eventTime"), text(e, "eventTimeZoneOffset"),
                e.path("readPoint").path("id").asText(null), e.path("bizLocation").path("id").asText(null), why,
                s.signerDid(), s.kid(), s.alg(), role, true, s.auditEntryId(), index, anchor, !names));
            if ("TransformationEvent".equals(s.eventType())) {
                boolean output = contains(e, "outputEPCList", "outputQuantityList", key);
                boolean input = contains(e, "inputEPCList", "inputQuantityList", key);
                if (output) {
                    epcs(e, "inputEPCList", "inputQuantityList").forEach(x -> genealogy.add(new Link("input", x, s.eventId())));
                }
                if (input) {
                    epcs(e, "outputEPCList", "outputQuantityList").forEach(x -> genealogy.add(new Link("output", x, s.eventId())));
                }
            } else if ("AggregationEvent".equals(s.eventType()) && names && "ADD".equals(text(e, "action"))
                && Epc.parse(e.path("parentID").asText("")).map(Epc::key).filter(key::equals).isPresent()) {
                epcs(e, "childEPCs", "childQuantityList").forEach(x -> genealogy.add(new Link("contains", x, s.eventId())));
            }
        }
        TraceProduct view = new TraceProduct(product.id(), product.name(), product.gtin(), product.merchantId(),
            product.merchantDid(), merchantVerified);
        return new TraceView(epc.path(), digitalLink, view, events, genealogy);
    }

    /** Anchors, newest first, paged back until one no longer covers the oldest leaf (at most 10 pages of 200). */
    private List<AuditLog.Anchor> anchorsDownTo(long oldestIndex) {
        List<AuditLog.Anchor> out = new ArrayList<>();
        Long before = null;
        for (int page = 0; page < 10; page++) {
            List<AuditLog.Anchor> got = auditLog.anchors(before, 200);
            out.addAll(got);
            if (got.size() < 200 || got.get(got.size() - 1).treeSize() <= oldestIndex) {
                break;
            }
            before = got.get(got.size() - 1).treeSize();
        }
        return out;
    }

    private static Anchor anchorOf(long index, List<AuditLog.Anchor> anchors) {
        AuditLog.Anchor best = null;
        for (AuditLog.Anchor a : anchors) {
            if (a.treeSize() > index && (best == null || a.treeSize() < best.treeSize())) {
                best = a;
            }
        }
        return best == null ? null : new Anchor(best.treeSize(), best.blockNumber(), best.txHash(), best.chainId());
    }

    private static boolean names(JsonNode e, String key) {
        if (Epc.parse(e.path("parentID").asText("")).map(Epc::key).filter(key::equals).isPresent()) {
            return true;
        }
        for (int i = 0; i < EPC_FIELDS.length; i++) {
            if (contains(e, EPC_FIELDS[i], QUANTITY_FIELDS[i], key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode e, String epcField, String quantityField, String key) {
        return epcs(e, epcField, quantityField).stream().anyMatch(x -> Epc.parse(x).map(Epc::key)
            .filter(key::equals).isPresent());
    }

    private static List<String> epcs(JsonNode e, String epcField, String quantityField) {
        List<String> out = new ArrayList<>();
        e.path(epcField).forEach(x -> out.add(x.asText()));
        e.path(quantityField).forEach(x -> out.add(x.path("epcClass").asText()));
        return out;
    }

    private static String text(JsonNode e, String name) {
        return Optional.ofNullable(e.get(name)).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }

    private static JsonNode parse(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("a stored event is not JSON", e);
        }
    }
}
