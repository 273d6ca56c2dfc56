package io.copartner.commerce.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * GS1 EPCIS 2.0 traceability: capture of signed events (EPCIS REST capture binding, rollback on any bad event),
 * the supply-chain parties a merchant authorises per product, and the public trace of an item or batch.
 */
public interface Traceability {

    /** Who calls: the token's party id, the DIDs it speaks for (its {@code did} claim, a merchant's did:web). */
    record Caller(PartyId party, Set<String> dids, String merchantId) {
    }

    /**
     * Captures an EPCISDocument: {@code malformed-request} (400) at once for a body that is not a schema-valid EPCIS
     * document, {@code forbidden} (403) at once for a caller that is neither an event's signer nor its product's
     * merchant; otherwise the job id (its result: {@link #capture(UUID, Caller)}).
     */
    UUID capture(Caller caller, String document);

    /**
     * The same, keyed: with a request (its {@code Idempotency-Key}) a retry answers the first attempt's job
     * (replayed), whether that job captured or refused; another body under the same key is refused (409).
     */
    Idempotent<UUID> capture(Caller caller, String document, IdempotentRequest request);

    /** The capture job, for the caller that submitted it; empty otherwise. */
    Optional<CaptureJob> capture(UUID captureId, Caller caller);

    record CaptureJob(UUID captureId, boolean success, int events, List<CaptureError> errors, Instant createdAt) {
    }

    record CaptureError(int eventIndex, String type, String detail) {
    }

    /** The merchant (its party id) authorises {@code did} for the product; an authorisation in force is kept (200). */
    Authorised authoriseParty(PartyId merchant, UUID productId, String did, String role);

    /** The same, keyed ({@code request} may be null): a retry answers the first attempt's authorisation. */
    Idempotent<Authorised> authoriseParty(PartyId merchant, UUID productId, String did, String role,
                                          IdempotentRequest request);

    /** {@code created} false when the authorisation was already in force. */
    record Authorised(PartyView party, boolean created) {
    }

    /** Ends the authorisation in force; {@code not-found} if none. */
    void endParty(PartyId merchant, UUID productId, String did);

    /** Every authorisation of the product, for its merchant. */
    List<PartyView> parties(PartyId merchant, UUID productId);

    record PartyView(UUID productId, String did, String role, Instant authorisedAt, Instant endedAt) {
    }

    /** The trace of an item (GTIN + serial) or a batch (GTIN + lot); empty for an unknown or never commissioned one. */
    Optional<TraceView> item(String gtin, String serial);

    Optional<TraceView> batch(String gtin, String lot);

    /** {@code path} is the Digital Link path ({@code /01/<gtin>/21/<serial>}), {@code digitalLink} the public URL of it. */
    record TraceView(String path, String digitalLink, TraceProduct product, List<TraceEvent> events,
                     List<Link> genealogy) {
    }

    record TraceProduct(UUID id, String name, String gtin, String merchantId, String merchantDid,
                        boolean merchantVerified) {
    }

    /**
     * One event: {@code stored} is its exact stored JSON text; the rest are read from it for display. {@code who} is
     * the signer's DID and {@code role} ({@code merchant} or the party's role); {@code auditIndex} its leaf index,
     * null until sequenced; {@code anchor} the first on-chain anchor covering it, null until anchored.
     */
    record TraceEvent(String eventId, String stored, String eventType, String action, String bizStep,
                      String disposition, String eventTime, String eventTimeZoneOffset, String readPoint,
                      String bizLocation, List<String> why, String signer, String kid, String alg, String role,
                      boolean signatureVerified, long auditEntryId, Long auditIndex, Anchor anchor,
                      boolean viaLogisticUnit) {
    }

    record Anchor(long treeSize, long blockNumber, String txHash, long chainId) {
    }

    /** Genealogy: {@code relation} is {@code inside} (a logistic unit), {@code contains}, {@code input} or {@code output}. */
    record Link(String relation, String epc, String eventId) {
    }
}
