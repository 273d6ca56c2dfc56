package io.copartner.commerce.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.commerce.api.Traceability;
import io.copartner.commerce.domain.Gtin;
import io.copartner.commerce.persistence.IdempotencyRepository;
import io.copartner.commerce.persistence.TraceStore;
import io.copartner.commerce.persistence.TraceStore.ProductRow;
import io.copartner.commerce.trace.Epc;
import io.copartner.commerce.trace.EpcisDocument;
import io.copartner.commerce.trace.EpcisEvent;
import io.copartner.commerce.trace.EventHashIds;
import io.copartner.commerce.trace.SignaturePayload;
import io.copartner.identity.api.DidSignatures;
import io.copartner.identity.api.MerchantAdministration;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.kernel.id.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Traceability: capture (the checks that need no database first, outside any transaction, since resolving a
 * foreign did:web may call out; then {@link TraceCapture} in one transaction), parties and the public trace.
 */
@ApplicationScoped
public class TraceService implements Traceability {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TraceStore store;

    @Inject
    TraceCapture transactional;

    @Inject
    DidSignatures signatures;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    MerchantAdministration merchants;

    /** The public base of Digital Links, the same setting the platform's did:web comes from. */
    @Inject
    @ConfigProperty(name = "copartner.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    @Inject
    CatalogueService catalogue;

    @Inject
    CommerceClock clock;

    @Inject
    IdempotencyRepository idempotency;

    @Override
    public UUID capture(Caller caller, String document) {
        return capture(caller, document, null).value();
    }

    @Override
    public Idempotent<UUID> capture(Caller caller, String document, IdempotentRequest request) {
        EpcisDocument doc;
        try {
            doc = EpcisDocument.parse(document);
        } catch (EpcisDocument.Invalid e) {
            throw ProblemException.malformed("not a schema-valid EPCIS 2.0 document: " + e.getMessage());
        }
        List<TraceCapture.Prepared> prepared = new ArrayList<>();
        for (EpcisEvent e : doc.events()) {
            prepared.add(prepare(e, doc.namespaces()));
        }
        Map<String, List<ProductRow>> packed = new LinkedHashMap<>();
        for (TraceCapture.Prepared p : prepared) {
            mayUpload(caller, p, packed);
        }
        UUID id = Ids.newId();
        try {
            return transactional.apply(id, caller.party().value(), prepared, request);
        } catch (TraceCapture.Refused r) {
            // The refused job is kept (and keyed) in its own transaction: a retry answers it instead of trying again.
            return transactional.refused(id, caller.party().value(), prepared.size(), errorsJson(r.errors), request);
        }
    }

    TraceCapture.Prepared prepare(EpcisEvent e, Map<String, String> namespaces) {
        int i = e.index();
        String eventId;
        try {
            eventId = EventHashIds.of(e, namespaces);
        } catch (IllegalArgumentException ex) {
            return failed(e, ProblemType.VALIDATION, ex.getMessage());
        }
        if (e.clientEventId().isPresent() && !e.clientEventId().get().equals(eventId)) {
            return failed(e, ProblemType.EVENT_ID_MISMATCH, "eventID " + e.clientEventId().get()
                + " is not the event's CBV 2.0 hash ID " + eventId);
        }
        List<Map.Entry<String, Epc>> epcs = new ArrayList<>();
        for (Map.Entry<String, List<String>> f : e.epcsByField().entrySet()) {
            for (String s : f.getValue()) {
                Optional<Epc> epc = Epc.parse(s);
                if (epc.isEmpty()) {
                    return failed(e, ProblemType.UNKNOWN_EPC, f.getKey() + ": " + s + " is not a GS1 Digital Link "
                        + "(or EPC URN) of an item (01+21), a batch (01+10) or a logistic unit (00)");
                }
                epcs.add(new AbstractMap.SimpleEntry<>(f.getKey(), epc.get()));
            }
        }
        if (e.signature().isEmpty()) {
            return failed(e, ProblemType.EVENT_SIGNATURE_INVALID, "the event has no " + EpcisEvent.SIGNATURE);
        }
        DidSignatures.Verified verified;
        try {
            verified = signatures.verifyDetached(e.signature().get(), SignaturePayload.of(e));
        } catch (DidSignatures.InvalidJws ex) {
            return failed(e, ProblemType.EVENT_SIGNATURE_INVALID, ex.getMessage());
        }
        return new TraceCapture.Prepared(e, eventId, verified, epcs, null);
    }

    private static TraceCapture.Prepared failed(EpcisEvent e, ProblemType type, String detail) {
        return new TraceCapture.Prepared(e, null, null, List.of(),
            new CaptureError(e.index(), type.uri().toString(), detail));
    }

    /** The caller is the event's signer or the merchant of every product it names; else 403 at once. */
    private void mayUpload(Caller caller, TraceCapture.Prepared p, Map<String, List<ProductRow>> packed) {
        String signer = p.signature() != null ? p.signature().signerDid() : kidDid(p.event());
        if (signer != null && caller.dids().contains(signer)) {
            return;
        }
        List<ProductRow> products = new ArrayList<>();
        for (Map.Entry<String, Epc> f : p.epcs()) {
            Epc epc = f.getValue();
            if (epc.kind() == Epc.Kind.SSCC) {
                for (var inside : store.contentsUnlocked(epc.key())) {
                    if (inside.productId() != null) {
                        store.product(inside.productId()).ifPresent(products::add);
                    }
                }
                // A unit packed earlier in the same document holds those children's products.
                products.addAll(packed.getOrDefault(epc.key(), List.of()));
            } else {
                store.productByGtin(epc.gtin()).ifPresent(products::add);
            }
        }
        if ("AggregationEvent".equals(p.event().type()) && "ADD".equals(p.event().action())) {
            p.epcs().stream().filter(f -> f.getKey().equals("parentID")).findFirst().ifPresent(parent -> packed
                .computeIfAbsent(parent.getValue().key(), k -> new ArrayList<>()).addAll(products));
        }
        if (products.isEmpty()) {
            return; // nothing to check against: the job reports the event's error (unknown-epc, ...)
        }
        boolean merchant = caller.merchantId() != null && !products.isEmpty()
            && products.stream().allMatch(pr -> pr.merchantId().equals(caller.merchantId()));
        if (!merchant) {
            throw ProblemException.forbidden("event " + p.event().index() + ": the caller is neither its signer nor "
                + "the merchant of the products it names");
        }
    }

    /** The DID in the kid of an unverified signature's header, if it can be read. */
    private static String kidDid(EpcisEvent e) {
        try {
            String sig = e.signature().orElse("");
            String header = new String(Base64.getUrlDecoder().decode(sig.substring(0, sig.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
            String kid = JSON.readTree(header).path("kid").asText("");
            return kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : null;
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    static String errorsJson(List<CaptureError> errors) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CaptureError e : errors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventIndex", e.eventIndex());
            m.put("type", e.type());
            m.put("detail", e.detail());
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<CaptureJob> capture(UUID captureId, Caller caller) {
        return store.capture(captureId).filter(c -> c.caller().equals(caller.party().value())).map(c -> {
            List<CaptureError> errors = new ArrayList<>();
            try {
                for (JsonNode n : JSON.readTree(c.errors())) {
                    errors.add(new CaptureError(n.path("eventIndex").asInt(), n.path("type").asText(),
                        n.path("detail").asText()));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new CaptureJob(c.id(), c.success(), c.events(), errors, c.createdAt());
        });
    }

    // --- parties

    @Override
    @Transactional
    public Authorised authoriseParty(PartyId merchant, UUID productId, String did, String role) {
        return authoriseParty(merchant, productId, did, role, null).value();
    }

    @Override
    @Transactional
    public Idempotent<Authorised> authoriseParty(PartyId merchant, UUID productId, String did, String role,
                                                 IdempotentRequest request) {
        if (request != null) {
            Optional<String> earlier = idempotency.claim(request);
            if (earlier.isPresent()) {
                return Idempotent.replay(replayedParty(productId, earlier.get()));
            }
        }
        Authorised a = authorise(merchant, productId, did, role);
        if (request != null) {
            idempotency.complete(request.key(), (a.created() ? "created " : "kept ") + a.party().did());
        }
        return Idempotent.fresh(a);
    }

    /** The first attempt's answer: its authorisation (the latest of that DID, even if ended since). */
    private Authorised replayedParty(UUID productId, String result) {
        String did = result.substring(result.indexOf(' ') + 1);
        List<TraceStore.Party> rows = store.parties(productId).stream().filter(p -> p.did().equals(did)).toList();
        return new Authorised(view(rows.get(rows.size() - 1)), result.startsWith("created "));
    }

    private Authorised authorise(PartyId merchant, UUID productId, String did, String role) {
        ProductRow product = ownProduct(merchant, productId);
        if (did == null || !did.matches("did:(key|web):[A-Za-z0-9._:%-]{1,250}")) {
            throw ProblemException.badRequest("did must be a did:key or did:web");
        }
        if (role == null || role.isBlank() || role.length() > 100) {
            throw ProblemException.badRequest("role is 1 to 100 characters (farm, processor, warehouse, carrier, ...)");
        }
        Optional<TraceStore.Party> existing = store.activeParty(productId, did);
        if (existing.isPresent()) {
            return new Authorised(view(existing.get()), false);
        }
        Instant now = clock.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("productId", productId.toString());
        payload.put("did", did);
        payload.put("role", role.strip());
        AuditReceipt receipt = audit.record("commerce.trace.party-authorised", "product:" + productId, now, payload);
        store.authorise(product.id(), did, role.strip(), now, merchant.value(), receipt.entryId());
        return new Authorised(view(store.activeParty(productId, did).orElseThrow()), true);
    }

    @Override
    @Transactional
    public void endParty(PartyId merchant, UUID productId, String did) {
        ownProduct(merchant, productId);
        Instant now = clock.now();
        if (!store.end(productId, did, now, merchant.value())) {
            throw ProblemException.notFound("no authorisation in force for " + did + " on product " + productId);
        }
        audit.record("commerce.trace.party-ended", "product:" + productId, now,
            Map.of("productId", productId.toString(), "did", did));
    }

    @Override
    public List<PartyView> parties(PartyId merchant, UUID productId) {
        ownProduct(merchant, productId);
        return store.parties(productId).stream().map(TraceService::view).toList();
    }

    private ProductRow ownProduct(PartyId merchant, UUID productId) {
        var m = catalogue.verifiedMerchant(merchant);
        ProductRow product = store.product(productId)
            .orElseThrow(() -> ProblemException.notFound("no product " + productId));
        if (!product.merchantId().equals(m.id())) {
            throw ProblemException.forbidden("Only the product's own merchant authorises its supply-chain parties.");
        }
        return product;
    }

    private static PartyView view(TraceStore.Party p) {
        return new PartyView(p.productId(), p.did(), p.role(), p.authorisedAt(), p.endedAt());
    }

    // --- public trace

    @Override
    public Optional<TraceView> item(String gtin, String serial) {
        return trace(gtin, g -> Epc.item(g, serial));
    }

    @Override
    public Optional<TraceView> batch(String gtin, String lot) {
        return trace(gtin, g -> Epc.batch(g, lot));
    }

    private Optional<TraceView> trace(String gtinText, java.util.function.Function<String, Epc> of) {
        String gtin;
        try {
            gtin = Gtin.parse(gtinText).value();
        } catch (ProblemException e) {
            return Optional.empty();
        }
        Epc epc = of.apply(gtin);
        if (epc.ref() == null || epc.ref().isEmpty() || epc.ref().length() > 20) {
            return Optional.empty();
        }
        Optional<ProductRow> product = store.productByGtin(gtin).filter(p -> !p.merchantSuspended());
        Optional<io.copartner.commerce.trace.SubjectState> state = store.subject(epc.key());
        if (product.isEmpty() || state.isEmpty() || (epc.kind() == Epc.Kind.ITEM && !state.get().commissioned())) {
            return Optional.empty();
        }
        return Optional.of(new TraceViews(store, auditLog).build(epc, base() + "/trace" + epc.path(),
            product.get(), verified(product.get())));
    }

    private boolean verified(ProductRow p) {
        try {
            return "VERIFIED".equals(merchants.get(p.merchantId()).status());
        } catch (ProblemException e) {
            return false;
        }
    }

    /** For the benchmark and tests: how many events are stored. */
    public long eventCount() {
        return store.eventCount();
    }

    private String base() {
        String b = publicUrl.strip();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
