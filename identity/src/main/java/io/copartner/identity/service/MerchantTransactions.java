package io.copartner.identity.service;

import io.copartner.identity.api.Credentials;
import io.copartner.identity.api.DidAdministration;
import io.copartner.identity.domain.Merchant;
import io.copartner.identity.domain.MerchantEvent;
import io.copartner.identity.domain.MerchantProfile;
import io.copartner.identity.domain.MerchantStatus;
import io.copartner.identity.persistence.MerchantRepository;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Transactional
    public Merchant create(Merchant merchant, MerchantProfile profile, String publicKeyMultibase, String actor) {
        merchants.add(merchant, profile);
        if (publicKeyMultibase != null && !publicKeyMultibase.isBlank()) {
            dids.addMerchantKey(merchant.id(), publicKeyMultibase, actor);
        }
        Map<String, Object> payload = base(merchant, actor);
        payload.put("profileHash", profileHash(profile));
        payload.put("keycloakUserHash", saltedHash(profile.salt(), merchant.keycloakUserId()));
        record("identity.merchant.created", merchant, payload, actor);
        return merchant;
    }

    @Transactional
    public Merchant verify(String merchantId, String actor) {
        return credentialed(merchantId, MerchantStatus.Action.VERIFY, "identity.merchant.verified", actor);
    }

    @Transactional
    public Merchant suspend(String merchantId, String reason, String actor) {
        Merchant m = locked(merchantId);
        m.status().after(MerchantStatus.Action.SUSPEND);
        if (m.credentialId() != null) {
            credentials.revoke(m.credentialId().toString(), "merchant suspended", actor, null);
        }
        m.apply(MerchantStatus.Action.SUSPEND, null, Instant.now());
        Map<String, Object> payload = base(m, actor);
        if (m.credentialId() != null) {
            payload.put("revokedCredential", "urn:uuid:" + m.credentialId());
        }
        byte[] salt = merchants.profile(merchantId).orElseThrow().salt();
        payload.put("reasonHash", saltedHash(salt, reason == null ? "" : reason));
        record("identity.merchant.suspended", m, payload, actor);
        return m;
    }

    @Transactional
    public Merchant reinstate(String merchantId, String actor) {
        return credentialed(merchantId, MerchantStatus.Action.REINSTATE, "identity.merchant.reinstated", actor);
    }

    /** Verify and reinstate both end with a fresh MerchantVerification credential and an audit entry naming it. */
    private Merchant credentialed(String merchantId, MerchantStatus.Action action, String auditType, String actor) {
        Merchant m = locked(merchantId);
        MerchantProfile profile = merchants.profile(merchantId).orElseThrow();
        m.status().after(action);
        Credentials.IssuedCredential vc = issue(m, profile, actor);
        m.apply(action, UUID.fromString(vc.id().substring("urn:uuid:".length())), Instant.now());
        Map<String, Object> payload = base(m, actor);
        payload.put("credential", vc.id());
        record(auditType, m, payload, actor);
        return m;
    }

    /** The status a merchant has now (checked before touching Keycloak, rechecked under lock here). */
    @Transactional
    public MerchantStatus status(String merchantId) {
        return merchants.find(merchantId).map(Merchant::status)
            .orElseThrow(() -> ProblemException.notFound("No merchant " + merchantId + "."));
    }

    private Credentials.IssuedCredential issue(Merchant m, MerchantProfile profile, String actor) {
        return credentials.issueMerchantVerification(new Credentials.MerchantVerificationClaims(m.id(), m.did(),
            profile.businessLicence(), null, null, null), actor, null);
    }

    private Merchant locked(String merchantId) {
        return merchants.findForUpdate(merchantId)
            .orElseThrow(() -> ProblemException.notFound("No merchant " + merchantId + "."));
    }

    private void record(String type, Merchant m, Map<String, Object> payload, String actor) {
        AuditReceipt receipt = audit.record(type, "merchant:" + m.id(), payload);
        merchants.addEvent(new MerchantEvent(m.id(), type, m.status(), actor, receipt.entryId(), receipt.leafHash(),
            receipt.time()));
    }

    private static Map<String, Object> base(Merchant m, String actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("merchantId", m.id());
        payload.put("did", m.did());
        payload.put("status", m.status().name());
        payload.put("actor", actor);
        return payload;
    }

    static String profileHash(MerchantProfile p) {
        return saltedHash(p.salt(), p.name() + "\n" + p.businessLicence() + "\n" + p.contactEmail() + "\n" + p.username());
    }

    static String saltedHash(byte[] salt, String value) {
        return Hashes.hex(Hashes.sha256(salt, value.getBytes(StandardCharsets.UTF_8)));
    }
}
