package io.copartner.commerce.service;

import io.copartner.commerce.api.Traceability.CaptureError;
import io.copartner.commerce.persistence.IdempotencyRepository;
import io.copartner.commerce.persistence.TraceStore;
import io.copartner.commerce.persistence.TraceStore.ProductRow;
import io.copartner.commerce.trace.Epc;
import io.copartner.commerce.trace.EpcisEvent;
import io.copartner.commerce.trace.OrderRules;
import io.copartner.commerce.trace.SubjectState;
import io.copartner.identity.api.DidSignatures;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The transactional half of a capture: every event checked in document order against the stored state and the
 * events before it, applied (stored as sent, indexed, audited), and all of it rolled back if any event is refused.
 */
@ApplicationScoped
public class TraceCapture {

    @Inject
    TraceStore store;

    @Inject
    AuditTrail audit;

    @Inject
    CommerceClock clock;

    @Inject
    IdempotencyRepository idempotency;

    /** An event after the checks that need no database: its ID, verified signature and parsed EPCs, or why not. */
    record Prepared(EpcisEvent event, String eventId, DidSignatures.Verified signature,
                    List<Map.Entry<String, Epc>> epcs, CaptureError error) {
    }

    /** Some event was refused: the whole document is rolled back. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<CaptureError> errors;

        Refused(List<CaptureError> errors) {
            super("capture refused", null, false, false);
            this.errors = errors;
        }
    }

    /** Empty if this request owns its key now (or has none); else the job of the first attempt. */
    private Optional<UUID> earlier(IdempotentRequest request, UUID captureId) {
        if (request == null) {
            return Optional.empty();
        }
        return idempotency.claim(request, captureId.toString()).map(UUID::fromString);
    }

    @Transactional
    public Idempotent<UUID> apply(UUID captureId, String caller, List<Prepared> prepared, IdempotentRequest request) {
        Optional<UUID> first = earlier(request, captureId);
        if (first.isPresent()) {
            return Idempotent.replay(first.get());
        }
        Instant now = clock.now();
        List<CaptureError> errors = new ArrayList<>();
        for (Prepared p : prepared) {
            if (p.error() != null) {
                errors.add(p.error());
                continue;
            }
            Optional<CaptureError> refusal = applyOne(captureId, p, now);
            refusal.ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        store.insertCapture(new TraceStore.Capture(captureId, caller, true, "[]", prepared.size(), now));
        return Idempotent.fresh(captureId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Idempotent<UUID> refused(UUID captureId, String caller, int events, String errorsJson,
                                    IdempotentRequest request) {
        Optional<UUID> first = earlier(request, captureId);
        if (first.isPresent()) {
            return Idempotent.replay(first.get());
        }
        store.insertCapture(new TraceStore.Capture(captureId, caller, false, errorsJson, events, clock.now()));
        return Idempotent.fresh(captureId);
    }

    private Optional<CaptureError> applyOne(UUID captureId, Prepared p, Instant now) {
        EpcisEvent e = p.event();
        int i = e.index();
        if (store.eventExists(p.eventId())) {
            return error(i, ProblemType.DUPLICATE_EVENT, "the event " + p.eventId() + " is already stored");
        }
        Optional<String> late = OrderRules.time(e, now);
        if (late.isPresent()) {
            return error(i, ProblemType.EVENT_OUT_OF_ORDER, late.get());
        }
        Map<String, SubjectState> states = new LinkedHashMap<>();
        Map<String, Epc> epcOf = new LinkedHashMap<>();
        List<String[]> named = new ArrayList<>(); // key, field
        Set<String> contained = new LinkedHashSet<>();
        Map<java.util.UUID, ProductRow> products = new LinkedHashMap<>();
        for (Map.Entry<String, Epc> f : p.epcs()) {
            Epc epc = f.getValue();
            String key = epc.key();
            if (epc.kind() != Epc.Kind.SSCC) {
                Optional<ProductRow> product = store.productByGtin(epc.gtin());
                if (product.isEmpty()) {
                    return error(i, ProblemType.UNKNOWN_EPC, "GTIN " + epc.gtin() + " of " + key + " is no product here");
                }
                products.put(product.get().id(), product.get());
            }
            SubjectState state = states.containsKey(key) ? states.get(key) : store.lockSubject(epc).orElse(null);
            Optional<String> bad = OrderRules.check(epc, f.getKey(), state, e);
            if (bad.isPresent()) {
                return error(i, ProblemType.EVENT_OUT_OF_ORDER, bad.get());
            }
            states.put(key, state);
            epcOf.put(key, epc);
            named.add(new String[] {key, f.getKey()});
            if (epc.kind() == Epc.Kind.SSCC && state != null) {
                for (SubjectState inside : store.contents(key)) {
                    Epc c = Epc.parse(inside.key()).orElseThrow();
                    Optional<String> badInside = OrderRules.check(c, "contained", inside, e);
                    if (badInside.isPresent()) {
                        return error(i, ProblemType.EVENT_OUT_OF_ORDER, badInside.get() + " (inside " + key + ")");
                    }
                    states.putIfAbsent(inside.key(), inside);
                    epcOf.putIfAbsent(inside.key(), c);
                    contained.add(inside.key());
                    if (inside.productId() != null) {
                        store.product(inside.productId()).ifPresent(pr -> products.put(pr.id(), pr));
                    }
                }
            }
        }
        if (products.isEmpty()) {
            return error(i, ProblemType.UNKNOWN_EPC, "the event names no item or batch of a product here");
        }
        String signer = p.signature().signerDid();
        for (ProductRow product : products.values()) {
            if (product.merchantSuspended()) {
                return error(i, ProblemType.PRODUCT_UNAVAILABLE, "the merchant of product " + product.id()
                    + " is suspended: its items take no events");
            }
            if (!signer.equals(product.merchantDid()) && store.activeParty(product.id(), signer).isEmpty()) {
                return error(i, ProblemType.UNAUTHORISED_ACTOR, signer + " is neither the merchant of product "
                    + product.id() + " nor a party it authorised for it");
            }
        }
        Instant recordTime = clock.now();
        String stored = e.stored(p.eventId(), DateTimeFormatter.ISO_INSTANT.format(recordTime));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventID", p.eventId());
        payload.put("eventType", e.type());
        payload.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(e.eventTime().toInstant()));
        payload.put("signer", signer);
        payload.put("kid", p.signature().kid());
        payload.put("captureID", captureId.toString());
        payload.put("products", products.keySet().stream().map(UUID::toString).toList());
        payload.put("epcs", named.stream().map(n -> n[0]).distinct().toList());
        AuditReceipt receipt = audit.record("commerce.epcis.event-captured", "epcis-event:" + p.eventId(),
            recordTime, payload);
        long seq = store.insertEvent(new TraceStore.NewEvent(p.eventId(), e.type(), e.eventTime().toInstant(),
            recordTime, signer, p.signature().kid(), p.signature().alg(), captureId, stored, receipt.entryId()));
        Instant at = e.eventTime().toInstant();
        for (String[] n : named) {
            Epc epc = epcOf.get(n[0]);
            UUID productId = epc.kind() == Epc.Kind.SSCC ? null : store.productByGtin(epc.gtin()).map(ProductRow::id).orElse(null);
            store.insertEpc(seq, n[0], n[1], productId);
            SubjectState s = states.get(n[0]);
            if (s == null) {
                s = new SubjectState(n[0], epc.kind(), productId, false, false, null, null);
            }
            boolean decommissions = e.decommissioning() && (n[1].equals("epcList") || n[1].equals("parentID"));
            states.put(n[0], s.after(at, OrderRules.creates(epc, n[1], e), decommissions));
        }
        for (String key : contained) {
            states.put(key, states.get(key).after(at, false, false));
        }
        if ("AggregationEvent".equals(e.type()) && !e.field("parentID").isEmpty()) {
            String parent = p.epcs().stream().filter(f -> f.getKey().equals("parentID")).findFirst()
                .map(f -> f.getValue().key()).orElseThrow();
            List<String> children = new ArrayList<>();
            for (String[] n : named) {
                if (n[1].equals("childEPCs") || n[1].equals("childQuantityList")) {
                    children.add(n[0]);
                }
            }
            if ("ADD".equals(e.action())) {
                for (String child : children) {
                    states.put(child, states.get(child).inside(parent));
                    store.aggregate(child, parent, seq);
                }
            } else if ("DELETE".equals(e.action())) {
                List<String> out = children.isEmpty() ? List.copyOf(contained) : children;
                for (String child : out) {
                    states.put(child, states.get(child).inside(null));
                    store.disaggregate(child, parent, seq);
                }
            }
        }
        states.values().forEach(store::saveSubject);
        return Optional.empty();
    }

    private static Optional<CaptureError> error(int index, ProblemType type, String detail) {
        return Optional.of(new CaptureError(index, type.uri().toString(), detail));
    }
}
