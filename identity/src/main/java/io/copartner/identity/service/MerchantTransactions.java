package io.copartner.identity.service;

import io.copartner.identity.api.Credentials;
import io.copartner.identity.api.DidAdministration;
import io.copartner.identity.domain.Merchant;
import io.copartner.identity.domain.MerchantEvent;
import io.copartner.identity.domain.MerchantProfile;
import io.copartner.identity.domain.MerchantStatus;
import io.copartner.identity.persistence.IdempotencyRepository;
import io.copartner.identity.persistence.MerchantRepository;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.identity.api.event.MerchantStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The database half of each merchant action, one transaction each, audited in that transaction. */
@ApplicationScoped
public class MerchantTransactions {

    @Inject
    MerchantRepository merchants;

    @Inject
    Credentials credentials;

    @Inject
    DidAdministration dids;

    @Inject
    AuditTrail audit;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    Event<MerchantStatusChanged> statusChanged;

    /**
     * The merchant, or with a keyed request whose key a concurrent create committed first (this one waited for it),
     * that create's merchant id as a replay and nothing written here.
     */
    @Transactional
    public Idempotent<String> create(Merchant merchant, MerchantProfile profile, String publicKeyMultibase,
                                     PartyId actor, IdempotentRequest request) {
        if (request != null) {
            Optional<String> winner = idempotency.claim(request, merchant.id());
            if (winner.isPresent()) {
                return Idempotent.replay(winner.get());
            }
        }
        merchants.add(merchant, profile);
        if (publicKeyMultibase != null && !publicKeyMultibase.isBlank()) {
            dids.addMerchantKey(merchant.id(), publicKeyMultibase, actor);
        }
        Map<String, Object> payload = base(merchant, actor);
        payload.put("profileHash", profileHash(profile));
        payload.put("keycloakUserHash", saltedHash(profile.salt(), merchant.keycloakUserId()));
        record("identity.merchant.created", merchant, payload, actor);
        return Idempotent.fresh(merchant.id());
    }

    /**
     * Verify, suspend and reinstate: each returns the event that records the step. With an Idempotency-Key that an
     * earlier, completed request with the same fingerprint claimed (it may have committed while this one waited for
     * the key), that request's event is returned and nothing is written.
     */
    @Transactional
    public Idempotent<MerchantEvent> verify(String merchantId, PartyId actor, IdempotentRequest key) {
        return claimed(key).orElseGet(() -> completed(key,
            credentialed(merchantId, MerchantStatus.Action.VERIFY, "identity.merchant.verified", actor)));
    }

    @Transactional
    public Idempotent<MerchantEvent> suspend(String merchantId, String reason, PartyId actor, IdempotentRequest key) {
        Optional<Idempotent<MerchantEvent>> earlier = claimed(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Merchant m = locked(merchantId);
        m.status().after(MerchantStatus.Action.SUSPEND);
        if (m.credentialId() != null) {
            credentials.revoke(m.credentialId().toString(), "merchant suspended", actor, null);
        }
        m.apply(MerchantStatus.Action.SUSPEND, null, now());
        Map<String, Object> payload = base(m, actor);
        if (m.credentialId() != null) {
            payload.put("revokedCredential", "urn:uuid:" + m.credentialId());
        }
        byte[] salt = merchants.profile(merchantId).orElseThrow().salt();
        payload.put("reasonHash", saltedHash(salt, reason == null ? "" : reason));
        return completed(key, record("identity.merchant.suspended", m, payload, actor));
    }

    @Transactional
    public Idempotent<MerchantEvent> reinstate(String merchantId, PartyId actor, IdempotentRequest key) {
        return claimed(key).orElseGet(() -> completed(key,
            credentialed(merchantId, MerchantStatus.Action.REINSTATE, "identity.merchant.reinstated", actor)));
    }

    /** The merchant's roles changed in Keycloak: one history step and audit entry naming what changed. */
    @Transactional
    public MerchantEvent rolesChanged(String merchantId, Set<String> added, Set<String> removed, Set<String> roles,
                                      PartyId actor) {
        Merchant m = locked(merchantId);
        Map<String, Object> payload = base(m, actor);
        payload.put("rolesAdded", List.copyOf(new TreeSet<>(added)));
        payload.put("rolesRemoved", List.copyOf(new TreeSet<>(removed)));
        payload.put("roles", List.copyOf(new TreeSet<>(roles)));
        return record("identity.merchant.roles-changed", m, payload, actor);
    }

    /**
     * Before the step (and before Keycloak): the event of a completed earlier request with this key, if any; empty
     * if the key is unused or its first request still runs (the claim in the step's transaction then waits for it);
     * 409 if the key came with another request.
     */
    public Optional<MerchantEvent> earlier(IdempotentRequest key) {
        return key == null ? Optional.empty()
            : idempotency.earlier(key).map(id -> merchants.event(Long.parseLong(id)).orElseThrow());
    }

    private Optional<Idempotent<MerchantEvent>> claimed(IdempotentRequest key) {
        return key == null ? Optional.empty() : idempotency.claim(key)
            .map(id -> Idempotent.replay(merchants.event(Long.parseLong(id)).orElseThrow()));
    }

    private Idempotent<MerchantEvent> completed(IdempotentRequest key, MerchantEvent event) {
        if (key != null) {
            idempotency.complete(key.key(), event.id().toString());
        }
        return Idempotent.fresh(event);
    }

    /** Verify and reinstate both end with a fresh MerchantVerification credential and an audit entry naming it. */
    private MerchantEvent credentialed(String merchantId, MerchantStatus.Action action, String auditType, PartyId actor) {
        Merchant m = locked(merchantId);
        MerchantProfile profile = merchants.profile(merchantId).orElseThrow();
        m.status().after(action);
        Credentials.IssuedCredential vc = issue(m, profile, actor);
        m.apply(action, UUID.fromString(vc.id().substring("urn:uuid:".length())), now());
        Map<String, Object> payload = base(m, actor);
        payload.put("credential", vc.id());
        return record(auditType, m, payload, actor);
    }

    /** The status a merchant has now (checked before touching Keycloak, rechecked under lock here). */
    @Transactional
    public MerchantStatus status(String merchantId) {
        return merchants.find(merchantId).map(Merchant::status)
            .orElseThrow(() -> ProblemException.notFound("No merchant " + merchantId + "."));
    }

    private Credentials.IssuedCredential issue(Merchant m, MerchantProfile profile, PartyId actor) {
        return credentials.issueMerchantVerification(new Credentials.MerchantVerificationClaims(m.id(), m.did(),
            profile.businessLicence(), null, null, null), actor, null).value();
    }

    private Merchant locked(String merchantId) {
        return merchants.findForUpdate(merchantId)
            .orElseThrow(() -> ProblemException.notFound("No merchant " + merchantId + "."));
    }

    /** The event carries the merchant's state after the step: its status, credential and change time. */
    private MerchantEvent record(String type, Merchant m, Map<String, Object> payload, PartyId actor) {
        AuditReceipt receipt = audit.record(type, "merchant:" + m.id(), payload);
        statusChanged.fire(new MerchantStatusChanged(m.id(), m.did(), m.status().name(), receipt.time()));
        return merchants.addEvent(new MerchantEvent(m.id(), type, m.status(), m.credentialId(), actor.value(),
            receipt.entryId(), receipt.leafHash(), m.updatedAt()));
    }

    /** As stored: PostgreSQL keeps microseconds, so an answer given now and replayed later shows the same time. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> base(Merchant m, PartyId actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("merchantId", m.id());
        payload.put("did", m.did());
        payload.put("status", m.status().name());
        payload.put("actor", actor.value());
        return payload;
    }

    static String profileHash(MerchantProfile p) {
        return saltedHash(p.salt(), p.name() + "\n" + p.businessLicence() + "\n" + p.contactEmail() + "\n" + p.username());
    }

    static String saltedHash(byte[] salt, String value) {
        return Hashes.hex(Hashes.sha256(salt, value.getBytes(StandardCharsets.UTF_8)));
    }
}
