package io.copartner.identity.service;

import com.nimbusds.jose.JWSSigner;
import io.copartner.identity.api.DidAdministration;
import io.copartner.identity.api.DidDocument;
import io.copartner.identity.api.KeyFormat;
import io.copartner.identity.api.PlatformDid;
import io.copartner.identity.credential.CredentialContexts;
import io.copartner.identity.credential.Ed25519Keys;
import io.copartner.identity.credential.JwsKeys;
import io.copartner.identity.credential.VcJwt;
import io.copartner.identity.did.DidDocuments;
import io.copartner.identity.did.DidWeb;
import io.copartner.kernel.encoding.KeyType;
import io.copartner.identity.did.MalformedDidException;
import io.copartner.identity.did.PublicKey;
import io.copartner.identity.domain.DidKeyRecord;
import io.copartner.identity.persistence.DidKeyRepository;
import io.copartner.identity.persistence.MerchantRepository;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The did:web identities the platform hosts: its own ({@code did:web:<host%3Aport>}, with the audit checkpoint
 * key from the ledger and the credential issuer keys from the identity schema) and its merchants'
 * ({@code did:web:<host%3Aport>:merchants:<id>}). Signs credentials with the active issuer key.
 */
@ApplicationScoped
public class PlatformKeysService implements PlatformDid, DidAdministration, io.copartner.identity.api.PlatformSigner {

    static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    @Inject
    @ConfigProperty(name = "copartner.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    @Inject
    DidKeyRepository keys;

    @Inject
    MerchantRepository merchants;

    @Inject
    KeyVault vault;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<DidKeysChanged> changed;

    /** Fired in the transaction that changed keys of {@code did}; caches drop it after commit. */
    public record DidKeysChanged(String did) {
    }

    private DidWeb platform;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        platform = DidWeb.ofBaseUrl(publicUrl);
    }

    public DidWeb platformWeb() {
        return platform;
    }

    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public String did() {
        return platform.did();
    }

    @Override
    public String merchantDid(String merchantId) {
        requireMerchantId(merchantId);
        return platform.child("merchants", merchantId).did();
    }

    @Override
    public DidDocument document() {
        String did = did();
        AuditLog.CheckpointKey checkpoint = auditLog.checkpointKey();
        List<DidKeyRecord> issuerKeys = keys.keysOf(did);
        List<Object> vms = new ArrayList<>();
        List<Object> assertion = new ArrayList<>();
        // Every platform key signs JOSE (checkpoint notes aside, vc+jwt, SD-JWT, statuslist+jwt): JsonWebKey, as
        // VC-JOSE-COSE §4.3 asks. No Multikey twins: nothing consumes them (did:key and merchant keys stay Multikey).
        vms.add(DidDocuments.jsonWebKey(did + "#checkpoint", did, new PublicKey(KeyType.ED25519, checkpoint.publicKey())));
        assertion.add(did + "#checkpoint");
        for (DidKeyRecord k : issuerKeys) {
            vms.add(retirement(DidDocuments.jsonWebKey(k.keyId(), k.did(), publicKey(k)), k));
            if (k.active()) {
                assertion.add(k.keyId());
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of(DidDocuments.DID_CONTEXT, DidDocuments.JWK_CONTEXT));
        doc.put("id", did);
        doc.put("verificationMethod", vms);
        doc.put("assertionMethod", assertion);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("id", did + "#audit-log");
        log.put("type", "TransparencyLog");
        log.put("serviceEndpoint", publicUrl() + "/api/v1/audit/checkpoint");
        log.put("origin", checkpoint.name());
        log.put("verifierKey", checkpoint.verifierKey());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", did + "#credential-status");
        status.put("type", "BitstringStatusList");
        status.put("serviceEndpoint", publicUrl() + "/api/v1/credentials/status/");
        Map<String, Object> tokenStatus = new LinkedHashMap<>();
        tokenStatus.put("id", did + "#token-status-list");
        tokenStatus.put("type", "TokenStatusList");
        tokenStatus.put("serviceEndpoint", publicUrl() + "/api/v1/credentials/token-status/");
        Map<String, Object> contexts = new LinkedHashMap<>();
        contexts.put("id", did + "#credential-context");
        contexts.put("type", "JsonLdContext");
        contexts.put("serviceEndpoint", CredentialContexts.copartnerUrl(publicUrl()));
        doc.put("service", List.of(log, status, tokenStatus, contexts));
        return new DidDocument(did, doc);
    }

    @Override
    public Optional<DidDocument> merchantDocument(String merchantId) {
        String did = merchantDid(merchantId);
        List<DidKeyRecord> merchantKeys = keys.keysOf(did);
        if (merchantKeys.isEmpty()) {
            // A merchant without a key yet still has its DID: a document with no verification methods is valid
            // (DID Core §5), controlled by the platform that hosts it until the merchant registers a key.
            return merchants.find(merchantId).map(m -> {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("@context", List.of(DidDocuments.DID_CONTEXT));
                doc.put("id", did);
                doc.put("controller", did());
                return new DidDocument(did, doc);
            });
        }
        List<Object> vms = new ArrayList<>();
        List<Object> active = new ArrayList<>();
        for (DidKeyRecord k : merchantKeys) {
            vms.add(verificationMethod(k));
            if (k.active()) {
                active.add(k.keyId());
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of(DidDocuments.DID_CONTEXT, DidDocuments.MULTIKEY_CONTEXT));
        doc.put("id", did);
        doc.put("controller", did);
        doc.put("verificationMethod", vms);
        doc.put("authentication", active);
        doc.put("assertionMethod", active);
        doc.put("capabilityInvocation", active);
        return Optional.of(new DidDocument(did, doc));
    }

    private static Map<String, Object> verificationMethod(DidKeyRecord k) {
        return retirement(DidDocuments.verificationMethod(k.keyId(), k.did(), publicKey(k), KeyFormat.MULTIKEY), k);
    }

    private static Map<String, Object> retirement(Map<String, Object> vm, DidKeyRecord k) {
        if (!k.active()) {
            // Multikey's "expires": signatures made before it stay verifiable; not usable for new ones. Rounded up
            // to the second, since credentials carry validFrom in whole seconds (rounded down).
            Instant retired = k.retiredAt();
            Instant expires = retired.truncatedTo(ChronoUnit.SECONDS);
            vm.put("expires", (expires.isBefore(retired) ? expires.plusSeconds(1) : expires).toString());
        }
        return vm;
    }

    static PublicKey publicKey(DidKeyRecord k) {
        return new PublicKey(k.keyType(), k.publicKey());
    }

    /** The active issuer key, created (and its publication audited) if the platform has none yet. */
    @Transactional
    public DidKeyRecord ensureIssuerKey() {
        String did = did();
        Optional<DidKeyRecord> active = keys.active(did, DidKeyRecord.Purpose.issuer);
        if (active.isPresent()) {
            return active.get();
        }
        keys.lock(did);
        return keys.active(did, DidKeyRecord.Purpose.issuer).orElseGet(() -> newIssuerKey(did, null, List.of()));
    }

    @Override
    @Transactional
    public KeyChange rotatePlatformIssuerKey(PartyId actor) {
        String did = did();
        keys.lock(did);
        List<String> retired = new ArrayList<>();
        Instant now = Instant.now();
        keys.active(did, DidKeyRecord.Purpose.issuer).ifPresent(k -> {
            k.retire(now);
            retired.add(k.keyId());
        });
        keys.flush();
        DidKeyRecord created = newIssuerKey(did, actor, retired);
        return new KeyChange(did, created.keyId(), retired, document());
    }

    private DidKeyRecord newIssuerKey(String did, PartyId actor, List<String> retired) {
        byte[] seed = Ed25519Keys.newSeed();
        byte[] pub = Ed25519Keys.publicKey(seed);
        String fragment = "issuer-" + (keys.count(did) + 1);
        String keyId = did + "#" + fragment;
        DidKeyRecord k = new DidKeyRecord(did, fragment, DidKeyRecord.Purpose.issuer, KeyType.ED25519, pub,
            vault.encrypt(seed, keyId), Instant.now());
        keys.add(k);
        changed.fire(new DidKeysChanged(did));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("keyId", keyId);
        payload.put("publicKeyMultibase", new PublicKey(KeyType.ED25519, pub).multibase());
        payload.put("purpose", "assertionMethod");
        payload.put("retired", retired);
        if (actor != null) { // null: the platform publishing its first key at start-up
            payload.put("actor", vault.pseudonym(actor.value()));
        }
        audit.record(retired.isEmpty() ? "identity.issuer-key.published" : "identity.issuer-key.rotated", did, payload);
        return k;
    }

    @Override
    @Transactional
    public KeyChange addMerchantKey(String merchantId, String publicKeyMultibase, PartyId actor) {
        String did;
        try {
            did = merchantDid(merchantId);
        } catch (IllegalArgumentException e) {
            // A client's bad id (NUL, non-ASCII, "..") is a 400, never the 500 an escaped exception would be.
            throw ProblemException.badRequest("merchantId: " + e.getMessage());
        }
        PublicKey key;
        try {
            key = PublicKey.fromMultibase(publicKeyMultibase == null ? "" : publicKeyMultibase.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("publicKeyMultibase: " + e.getMessage());
        }
        if (key.type() == KeyType.X25519) {
            throw ProblemException.badRequest("publicKeyMultibase: an Ed25519 or secp256k1 key is required");
        }
        keys.lock(did);
        Optional<DidKeyRecord> current = keys.active(did, DidKeyRecord.Purpose.merchant);
        if (current.isPresent() && publicKey(current.get()).equals(key)) {
            return new KeyChange(did, current.get().keyId(), List.of(), merchantDocument(merchantId).orElseThrow());
        }
        for (DidKeyRecord old : keys.keysOf(did)) {
            if (publicKey(old).equals(key)) {
                throw ProblemException.conflict("This key was used by " + did + " before and was retired; register a new key.");
            }
        }
        Instant now = Instant.now();
        List<String> retired = new ArrayList<>();
        current.ifPresent(k -> {
            k.retire(now);
            retired.add(k.keyId());
        });
        keys.flush();
        String fragment = "key-" + (keys.count(did) + 1);
        DidKeyRecord k = new DidKeyRecord(did, fragment, DidKeyRecord.Purpose.merchant,
            key.type(), key.raw(), null, now);
        keys.add(k);
        changed.fire(new DidKeysChanged(did));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("keyId", k.keyId());
        payload.put("publicKeyMultibase", key.multibase());
        payload.put("retired", retired);
        payload.put("actor", vault.pseudonym(actor.value()));
        audit.record("identity.merchant-key.added", did, payload);
        return new KeyChange(did, k.keyId(), retired, merchantDocument(merchantId).orElseThrow());
    }

    /** Signs a credential as the platform: EdDSA with the active issuer key, {@code kid} its DID URL. */
    @Transactional
    public String sign(Map<String, Object> credential) {
        DidKeyRecord key = ensureIssuerKey();
        JWSSigner signer = signerOf(key);
        return VcJwt.sign(credential, key.keyId(), JwsKeys.algorithm(KeyType.ED25519), signer);
    }

    /** Signs a JWT as the platform (EdDSA with the active issuer key, header {@code typ} and {@code kid}). */
    @Transactional
    public String signJwt(Map<String, Object> claims, String typ) {
        DidKeyRecord key = ensureIssuerKey();
        JWSSigner signer = signerOf(key);
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
            new com.nimbusds.jose.JWSHeader.Builder(JwsKeys.algorithm(KeyType.ED25519))
                .type(new com.nimbusds.jose.JOSEObjectType(typ)).keyID(key.keyId()).build(),
            new com.nimbusds.jose.Payload(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims)));
        try {
            jws.sign(signer);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jws.serialize();
    }

    @Override
    @Transactional
    public String signCompact(byte[] payload, String typ) {
        DidKeyRecord key = ensureIssuerKey();
        JWSSigner signer = signerOf(key);
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(header(key, typ),
            new com.nimbusds.jose.Payload(payload));
        try {
            jws.sign(signer);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jws.serialize();
    }

    @Override
    @Transactional
    public String signDetached(byte[] payload, String typ) {
        DidKeyRecord key = ensureIssuerKey();
        JWSSigner signer = signerOf(key);
        com.nimbusds.jose.JWSHeader header = header(key, typ);
        try {
            // The signing input (RFC 7515 section 5.1) built in one array of its exact size: a report of tens of MB
            // is encoded once, not copied through Strings.
            return header.toBase64URL() + ".." + signer.sign(header, signingInput(header, payload));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The issuer key's signer, its seed decrypted once per key id. */
    private JWSSigner signerOf(DidKeyRecord key) {
        return signers.computeIfAbsent(key.keyId(), id -> JwsKeys.ed25519Signer(vault.decrypt(key.encryptedPrivateKey(),
            id)));
    }

    /** EdDSA, {@code kid} the issuer key's DID URL, {@code typ} if not null. */
    private static com.nimbusds.jose.JWSHeader header(DidKeyRecord key, String typ) {
        com.nimbusds.jose.JWSHeader.Builder header = new com.nimbusds.jose.JWSHeader.Builder(
            JwsKeys.algorithm(KeyType.ED25519)).keyID(key.keyId());
        if (typ != null) {
            header.type(new com.nimbusds.jose.JOSEObjectType(typ));
        }
        return header.build();
    }

    /** ASCII(BASE64URL(header) || '.' || BASE64URL(payload)). */
    static byte[] signingInput(com.nimbusds.jose.JWSHeader header, byte[] payload) {
        byte[] h = header.toBase64URL().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long encoded = (payload.length * 4L + 2) / 3;
        byte[] input = new byte[Math.toIntExact(h.length + 1 + encoded)];
        System.arraycopy(h, 0, input, 0, h.length);
        input[h.length] = '.';
        int block = 3 * 8192;
        int at = h.length + 1;
        for (int from = 0; from < payload.length; from += block) {
            int len = Math.min(block, payload.length - from);
            byte[] part = b64.encode(java.util.Arrays.copyOfRange(payload, from, from + len));
            System.arraycopy(part, 0, input, at, part.length);
            at += part.length;
        }
        return input;
    }

    /** Signs an SD-JWT as the platform (typ dc+sd-jwt, EdDSA with the active issuer key). */
    @Transactional
    public io.copartner.identity.credential.SdJwt.Issued signSdJwt(Map<String, Object> claims,
                                                                    java.util.Set<String> disclosable) {
        DidKeyRecord key = ensureIssuerKey();
        JWSSigner signer = signerOf(key);
        return io.copartner.identity.credential.SdJwt.issue(claims, disclosable, key.keyId(),
            JwsKeys.algorithm(KeyType.ED25519), signer);
    }

    static void requireMerchantId(String merchantId) {
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()) {
            throw new MalformedDidException("a merchant id is 1..64 of A-Z a-z 0-9 . _ ~ -");
        }
    }
}
