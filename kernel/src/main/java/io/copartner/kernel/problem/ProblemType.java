package io.copartner.kernel.problem;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue of problem types. The {@code type} URIs are part of the public contract: clients switch
 * on them, so they never change once published; titles are the defaults shown for each type.
 */
public enum ProblemType {
    /** The request is well-formed but its content breaks a rule (missing field, out of range, ...). */
    VALIDATION("validation", "Request validation failed", 400),
    /** The request could not be read at all (unparseable JSON, JSON nested too deep, bad parameter syntax). */
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Access denied", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    /** The resource exists but does not support this HTTP method (the {@code Allow} header lists those it does). */
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    /** None of the media types the client accepts can be produced for this resource. */
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    /** The request conflicts with the current state (a stale version, a duplicate, a closed proposal). */
    CONFLICT("conflict", "Conflict with current state", 409),
    /** An {@code Idempotency-Key} was used before with another request (another body, operation or caller). */
    IDEMPOTENCY_CONFLICT("idempotency-conflict", "Idempotency key conflict", 409),
    /** The first request with this {@code Idempotency-Key} has no stored answer yet; retry later with the same key. */
    IDEMPOTENCY_IN_PROGRESS("idempotency-in-progress", "Idempotency key in progress", 409),
    /** A movement of value would take an account that must never go negative (a wallet) below zero. */
    INSUFFICIENT_FUNDS("insufficient-funds", "Insufficient funds", 409),
    /** Points: a checkout asks to redeem more points of a brand than the buyer holds (unexpired); nothing charged. */
    INSUFFICIENT_POINTS("insufficient-points", "Not enough points", 409),
    /** The request body is larger than the configured limit ({@code copartner.http.max-body-bytes}). */
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    /** The request body's {@code Content-Type} is not one this operation reads. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    /** A dependency (database, Keycloak, chain) is down; the client may retry later. */
    UNAVAILABLE("unavailable", "Service temporarily unavailable", 503),
    INTERNAL("internal", "Internal server error", 500),
    /** A proposal action that its life-cycle state (or the timelock) does not allow now: queue, execute, cancel. */
    PROPOSAL_STATE("proposal-state", "Not allowed in the proposal's state", 409),
    /** Governance: a ballot that is not a well-formed compact JWS of the pinned shape (typ, payload, choice, proposal, nonce). */
    BALLOT_INVALID("ballot-invalid", "Invalid ballot", 400),
    /** Governance: a delegation statement that is not a well-formed compact JWS of the pinned shape or breaks its rules. */
    DELEGATION_INVALID("delegation-invalid", "Invalid delegation statement", 400),
    /** Governance: a signed statement whose {@code issuedAt} is more than 300 s away from the server's time. */
    STATEMENT_STALE("statement-stale", "Signed statement issued too long ago or in the future", 400),
    /** Governance: the signature does not verify, its alg does not fit the key, or the kid is not the signer's key. */
    SIGNATURE_INVALID("signature-invalid", "Invalid signature", 403),
    /** Governance: the statement's voter or delegator is not the DID of the signed-in caller. */
    SIGNER_MISMATCH("signer-mismatch", "Signer is not the caller", 403),
    /** Governance: the voter is not in the proposal's weight snapshot (not a member before it). */
    NOT_ELIGIBLE("not-eligible", "Not eligible to vote", 403),
    /** Governance: the listing's merchant may not vote on its own listing. */
    CONFLICT_OF_INTEREST("conflict-of-interest", "Conflict of interest", 403),
    /** Governance: the proposal is not in its voting window. */
    VOTING_CLOSED("voting-closed", "Voting is not open", 409),
    /** Governance: the signer used this nonce before (in a ballot or a delegation statement). */
    NONCE_REPLAYED("nonce-replayed", "Nonce already used", 409),
    /** An abuse limit ({@code copartner.ratelimit.*}) was reached; {@code Retry-After} says when to try again. */
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    /** Commerce: a GTIN that is not 14 digits (8, 12 or 13 are padded) or whose GS1 check digit is wrong. */
    GTIN_INVALID("gtin-invalid", "Invalid GTIN", 400),
    /** Commerce: the GTIN is already a product's on the platform (it is unique). */
    GTIN_TAKEN("gtin-taken", "GTIN already taken", 409),
    /** Commerce: only a verified, non-suspended merchant lists or changes products. */
    MERCHANT_NOT_VERIFIED("merchant-not-verified", "Merchant not verified", 403),
    /** Commerce: the product is not live, or its merchant is suspended, so it cannot be bought. */
    PRODUCT_UNAVAILABLE("product-unavailable", "Product not available", 409),
    /** Commerce: a change made against a version that is no longer the product's current one. */
    VERSION_CONFLICT("version-conflict", "Stale product version", 409),
    /** Commerce: a currency the payment rail or the ledger does not carry. */
    UNSUPPORTED_CURRENCY("unsupported-currency", "Unsupported currency", 400),
    /** Commerce: a payment webhook whose signature header is missing, malformed or does not verify. */
    WEBHOOK_SIGNATURE_INVALID("webhook-signature-invalid", "Invalid webhook signature", 400),
    /** Commerce: a payment webhook signed outside the replay window (default 300 s). */
    WEBHOOK_TIMESTAMP_STALE("webhook-timestamp-stale", "Webhook timestamp outside the replay window", 400),
    /** Commerce: a payment webhook whose event id was accepted before; nothing changes. */
    WEBHOOK_REPLAYED("webhook-replayed", "Webhook event already processed", 409),

    // Commerce orders, escrow and reviews (issue 11 items 3 and 4).
    /** Commerce: fewer units in stock than the cart asks for; nothing was charged. */
    OUT_OF_STOCK("out-of-stock", "Out of stock", 409),
    /** Commerce: the order's state does not allow this step (e.g. cancel after shipping). */
    ORDER_STATE_CONFLICT("order-state-conflict", "Order state does not allow this step", 409),
    /** Commerce: a refund asked after the order's return window closed. */
    RETURN_WINDOW_CLOSED("return-window-closed", "Return window closed", 409),
    /** Commerce: only the buyer of a delivered order line reviews it. */
    REVIEW_NOT_ALLOWED("review-not-allowed", "No delivered purchase to review", 403),
    /** Commerce: the order line has its review already (one per line, immutable). */
    REVIEW_EXISTS("review-exists", "Already reviewed", 409),
    /** Commerce: the merchant replied to this review already, or it was moderated already. */
    REVIEW_ANSWERED("review-answered", "Review already answered", 409),

    // --- Commerce traceability (GS1 EPCIS 2.0, issue 11 items 5-6): capture-job error types and capture refusals.
    /** Traceability: an EPCIS event whose ID (CBV 2.0 event hash) is already stored. */
    DUPLICATE_EVENT("duplicate-event", "Duplicate EPCIS event", 409),
    /** Traceability: the event's signer is neither the product's merchant nor a party it authorised for it. */
    UNAUTHORISED_ACTOR("unauthorised-actor", "Actor not authorised for the product", 403),
    /** Traceability: the event's copartner:signature is missing, malformed, or does not verify with an assertionMethod key. */
    EVENT_SIGNATURE_INVALID("event-signature-invalid", "Invalid event signature", 400),
    /** Traceability: the event breaks the order rules (before commissioning, after decommissioning, time going back or in the future). */
    EVENT_OUT_OF_ORDER("event-out-of-order", "EPCIS event out of order", 409),
    /** Traceability: a client-sent eventID that is not the event's CBV 2.0 hash ID. */
    EVENT_ID_MISMATCH("event-id-mismatch", "eventID is not the event hash", 400),
    /** Traceability: an EPC that names no product on the platform, or a logistic unit that does not exist yet. */
    UNKNOWN_EPC("unknown-epc", "EPC of no known product", 404),
    /** Economy: the partner has not consented to this use of their data (recommendations are off by default). */
    CONSENT_REQUIRED("consent-required", "Consent required", 403);

    /** Base of all type URIs; a type URI is this base followed by the slug. */
    public static final String BASE = "https://copartner.io/problems/";

    private final String slug;
    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The catalogue entry with this type URI, if any. */
    public static Optional<ProblemType> fromUri(URI uri) {
        Objects.requireNonNull(uri, "uri must not be null");
        for (ProblemType t : values()) {
            if (t.uri.equals(uri)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
