package io.copartner.identity.service;

import io.copartner.identity.api.Credentials;
import io.copartner.identity.credential.BitstringStatusList;
import io.copartner.identity.credential.CredentialContexts;
import io.copartner.identity.credential.TokenStatusList;
import io.copartner.identity.credential.CredentialVerifier;
import io.copartner.identity.credential.VcJwt;
import io.copartner.identity.did.DidKeyMethod;
import io.copartner.identity.did.DidWeb;
import io.copartner.identity.did.DidWebFetcher;
import io.copartner.identity.did.MalformedDidException;
import io.copartner.identity.domain.IssuedCredentialRecord;
import io.copartner.identity.domain.StatusList;
import io.copartner.identity.persistence.CredentialRepository;
import io.copartner.identity.persistence.IdempotencyRepository;
import io.copartner.identity.persistence.StatusListRepository;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues, revokes and verifies W3C VC 2.0 credentials as vc+jwt (naming the platform's JSON-LD context beside
 * the VC 2.0 one) and PartnerMembership SD-JWT VCs, with a status list per 131,072 (configurable) entries,
 * published both as a W3C Bitstring Status List credential and as an IETF Token Status List token. Every issuance and revocation writes its audit entry in the same transaction; the
 * entry carries a salted hash of the subject and a pseudonym of the admin, never the data itself.
 */
@ApplicationScoped
public class CredentialService implements Credentials {

    public static final String MERCHANT_VERIFICATION = "MerchantVerification";
    public static final String PARTNER_MEMBERSHIP = "PartnerMembership";
    static final String STATUS_PATH = "/api/v1/credentials/status/";
    static final String TOKEN_STATUS_PATH = "/api/v1/credentials/token-status/";
    /** How long a verifier may cache a Status List Token (its {@code ttl}), as the HTTP cache does. */
    static final long TOKEN_STATUS_TTL_SECONDS = 60;
    static final String OP_ISSUE = "identity.credential.issue";
    static final String OP_REVOKE = "identity.credential.revoke";
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/-]{3,63}");
    private static final Pattern TIER = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PlatformKeysService platform;

    @Inject
    DidResolverService resolver;

    @Inject
    CredentialRepository credentials;

    @Inject
    StatusListRepository statusLists;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    KeyVault vault;

    @Inject
    @ConfigProperty(name = "copartner.credentials.status-list.bits", defaultValue = "131072")
    int statusListBits;

    @Inject
    @ConfigProperty(name = "copartner.credentials.validity.days", defaultValue = "365")
    int defaultValidityDays;

    @Override
    @Transactional
    public Idempotent<IssuedCredential> issueMerchantVerification(MerchantVerificationClaims claims, PartyId actor,
                                                                  IdempotencyKey idempotencyKey) {
        if (claims == null) {
            throw ProblemException.badRequest("The claims are required.");
        }
        String merchantId = require(claims.merchantId(), "merchantId");
        String merchantDid;
        try {
            merchantDid = platform.merchantDid(merchantId);
        } catch (MalformedDidException e) {
            throw ProblemException.badRequest("merchantId: " + e.getMessage());
        }
        String licence = require(claims.businessLicenceNumber(), "businessLicenceNumber");
        if (!LICENCE.matcher(licence).matches()) {
            throw ProblemException.badRequest("businessLicenceNumber: 4..64 letters, digits, '-' or '/'.");
        }
        String subjectDid = claims.subjectDid() == null || claims.subjectDid().isBlank() ? merchantDid
            : requireDid(claims.subjectDid(), "subjectDid");
        Instant now = now();
        Instant verifiedAt = claims.verifiedAt() == null ? now : claims.verifiedAt().truncatedTo(ChronoUnit.SECONDS);
        if (verifiedAt.isAfter(now.plusSeconds(60))) {
            throw ProblemException.badRequest("verifiedAt must not be in the future.");
        }
        String verifiedBy = claims.verifiedBy() == null || claims.verifiedBy().isBlank() ? platform.did()
            : claims.verifiedBy().strip();
        if (verifiedBy.length() > 200) {
            throw ProblemException.badRequest("verifiedBy: at most 200 characters.");
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectDid);
        subject.put("merchantId", merchantId);
        subject.put("businessLicenceNumber", licence);
        subject.put("verifiedAt", verifiedAt.toString());
        subject.put("verifiedBy", verifiedBy);
        // The idempotency fingerprint is what the client sent, not the defaults filled in from the clock: a
        // retry a second later is the same request.
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("merchantId", merchantId);
        asked.put("businessLicenceNumber", licence);
        asked.put("subjectDid", claims.subjectDid());
        asked.put("verifiedAt", claims.verifiedAt() == null ? null : claims.verifiedAt().toString());
        asked.put("verifiedBy", claims.verifiedBy());
        asked.put("validUntil", claims.validUntil() == null ? null : claims.validUntil().toString());
        return issue(MERCHANT_VERIFICATION, subject, validUntil(claims.validUntil(), now), actor, idempotencyKey,
            asked);
    }

    @Override
    @Transactional
    public Idempotent<IssuedCredential> issuePartnerMembership(PartnerMembershipClaims claims, PartyId actor,
                                                               IdempotencyKey idempotencyKey) {
        if (claims == null) {
            throw ProblemException.badRequest("The claims are required.");
        }
        String partnerDid = requireDid(require(claims.partnerDid(), "partnerDid"), "partnerDid");
        if (claims.partnerSince() == null) {
            throw ProblemException.badRequest("partnerSince is required.");
        }
        Instant now = now();
        if (claims.partnerSince().isAfter(now.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1))) {
            throw ProblemException.badRequest("partnerSince must not be in the future.");
        }
        String tier = require(claims.tier(), "tier");
        if (!TIER.matcher(tier).matches()) {
            throw ProblemException.badRequest("tier: lower-case letters, digits and '-', starting with a letter.");
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", partnerDid);
        subject.put("partnerSince", claims.partnerSince().toString());
        subject.put("tier", tier);
        Map<String, Object> asked = new LinkedHashMap<>(subject);
        asked.put("validUntil", claims.validUntil() == null ? null : claims.validUntil().toString());
        return issue(PARTNER_MEMBERSHIP, subject, validUntil(claims.validUntil(), now), actor, idempotencyKey,
            asked);
    }

    private Idempotent<IssuedCredential> issue(String type, Map<String, Object> subject, Instant validUntil,
                                               PartyId actor, IdempotencyKey idempotencyKey, Map<String, Object> asked) {
        UUID id = Ids.newId();
        if (idempotencyKey != null) {
            Map<String, Object> request = new LinkedHashMap<>(asked);
            request.put("@type", type);
            Optional<String> earlier = idempotency.claim(IdempotentRequest.of(idempotencyKey, OP_ISSUE, actor, request),
                id.toString());
            if (earlier.isPresent()) {
                return Idempotent.replay(issued(credentials.find(UUID.fromString(earlier.get())).orElseThrow()));
            }
        }
        Instant now = now();
        StatusList list = allocateList(now);
        int index = allocateIndex(list);
        String statusUrl = statusListUrl(list.id());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(CredentialVerifier.VC_CONTEXT, contextUrl()));
        vc.put("id", "urn:uuid:" + id);
        vc.put("type", List.of("VerifiableCredential", type));
        vc.put("issuer", platform.did());
        vc.put("validFrom", now.toString());
        vc.put("validUntil", validUntil.toString());
        vc.put("credentialSubject", subject);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusUrl + "#" + index);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Integer.toString(index));
        status.put("statusListCredential", statusUrl);
        vc.put("credentialStatus", status);
        String jwt = platform.sign(vc);

        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String subjectHash = saltedHash(salt, String.valueOf(subject.get("id")));
        IssuedCredentialRecord record = new IssuedCredentialRecord(id, type, subjectHash, salt, list.id(), index, jwt,
            now, validUntil);
        credentials.add(record);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("credentialType", type);
        payload.put("issuer", platform.did());
        payload.put("subjectHash", subjectHash);
        payload.put("statusListId", list.id());
        payload.put("statusListIndex", index);
        payload.put("validFrom", now.toString());
        payload.put("validUntil", validUntil.toString());
        payload.put("actor", vault.pseudonym(actor.value()));
        audit.record("identity.credential.issued", "credential:" + id, payload);
        return Idempotent.fresh(issued(record));
    }

    private StatusList allocateList(Instant now) {
        Optional<StatusList> newest = statusLists.newestForUpdate();
        if (newest.isPresent() && newest.get().hasRoom()) {
            return newest.get();
        }
        StatusList list = new StatusList(Long.toString(statusLists.count() + 1), statusListBits, now);
        statusLists.add(list);
        return list;
    }

    /** A random free index: with lists at most half full, a couple of tries on average. */
    private int allocateIndex(StatusList list) {
        for (int attempt = 0; attempt < 64; attempt++) {
            int index = RANDOM.nextInt(list.sizeBits());
            if (!credentials.indexTaken(list.id(), index)) {
                list.allocatedOne();
                return index;
            }
        }
        throw ProblemException.unavailable("No free status list index found; try again.");
    }

    @Override
    @Transactional
    public Idempotent<Revocation> revoke(String credentialId, String reason, PartyId actor,
                                         IdempotencyKey idempotencyKey) {
        UUID id = parseId(credentialId);
        if (idempotencyKey != null) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("id", id.toString());
            request.put("reason", reason);
            Optional<String> earlier = idempotency.claim(IdempotentRequest.of(idempotencyKey, OP_REVOKE, actor, request),
                id.toString());
            if (earlier.isPresent()) {
                return Idempotent.replay(revocation(credentials.find(UUID.fromString(earlier.get())).orElseThrow()));
            }
        }
        IssuedCredentialRecord record = credentials.findForUpdate(id)
            .orElseThrow(() -> ProblemException.notFound("No credential " + credentialId + " was issued here."));
        if (!record.revoked()) {
            Instant now = now();
            StatusList list = statusLists.findForUpdate(record.statusListId()).orElseThrow();
            list.set(record.statusIndex(), now);
            record.revoke(now);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("credentialType", record.type());
            payload.put("statusListId", record.statusListId());
            payload.put("statusListIndex", record.statusIndex());
            payload.put("actor", vault.pseudonym(actor.value()));
            if (reason != null && !reason.isBlank()) {
                payload.put("reasonHash", saltedHash(record.salt(), reason.strip()));
            }
            audit.record("identity.credential.revoked", "credential:" + id, payload);
        }
        return Idempotent.fresh(revocation(record));
    }

    @Inject
    PersonalDataService personalData;

    @Inject
    io.copartner.identity.persistence.PrivacyRepository privacy;

    @Override
    @Transactional
    public SdJwtCredential issuePartnerMembershipSdJwt(PartyId party, String partnerDid) {
        String partyId = party.value();
        Instant now = now();
        var membership = privacy.membershipOrCreate(partyId, now.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
            "member", now);
        UUID id = Ids.newId();
        StatusList list = allocateList(now);
        int index = allocateIndex(list);
        Instant exp = now.plus(Duration.ofDays(defaultValidityDays));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", platform.did());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("vct", PARTNER_MEMBERSHIP_VCT);
        // Token Status List entry: the same list and index as a vc+jwt would get, so one revocation flips it in
        // the Bitstring Status List and in the Token Status List alike.
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("idx", index);
        reference.put("uri", tokenStatusListUrl(list.id()));
        claims.put("status", Map.of("status_list", reference));
        if (partnerDid != null && !partnerDid.isBlank()) {
            claims.put("sub", requireDid(partnerDid, "did"));
            if (partnerDid.startsWith(DidKeyMethod.PREFIX)) {
                // Holder binding (RFC 7800 cnf): presentations must carry a KB-JWT signed with the DID's own key.
                claims.put("cnf", Map.of("jwk", DidKeyMethod.decode(partnerDid).jwk()));
            }
        }
        claims.put("partnerSince", membership.partnerSince().toString());
        claims.put("tier", membership.tier());
        personalData.find(party).ifPresent(d -> claims.put("name", d.name()));
        io.copartner.identity.credential.SdJwt.Issued issued =
            platform.signSdJwt(claims, java.util.Set.of("partnerSince", "tier", "name"));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        // Only the issuer-signed JWT is kept (digests, no disclosed values): enough to revoke it by id.
        credentials.add(new IssuedCredentialRecord(id, PARTNER_MEMBERSHIP, saltedHash(salt, partyId), salt, list.id(),
            index, issued.jwt(), now, exp));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("credentialType", PARTNER_MEMBERSHIP);
        payload.put("format", io.copartner.identity.credential.SdJwt.TYP);
        payload.put("issuer", platform.did());
        payload.put("subjectHash", personalData.partyHash(partyId));
        payload.put("disclosable", issued.disclosures().stream().map(d -> d.name()).sorted().toList());
        payload.put("statusListId", list.id());
        payload.put("statusListIndex", index);
        payload.put("exp", claims.get("exp"));
        audit.record("identity.credential.sd-jwt.issued", "credential:" + id, payload);
        return new SdJwtCredential("urn:uuid:" + id, issued.serialize(), PARTNER_MEMBERSHIP_VCT, platform.did(),
            issued.disclosures().stream().map(d -> new Disclosed(d.name(), d.value(), d.encoded(), d.digest())).toList(),
            tokenStatusListUrl(list.id()), index);
    }

    @Override
    public Verification verifySdJwt(String presentation, KeyBinding keyBinding) {
        String localPrefix = tokenStatusListUrl("");
        return new io.copartner.identity.credential.SdJwtVerifier(did -> resolver.resolve(did).content(), url -> {
            if (url.startsWith(localPrefix)) {
                return tokenStatusList(url.substring(localPrefix.length()))
                    .orElseThrow(() -> new IOException("no status list at " + url));
            }
            return resolver.fetcher().text(URI.create(url), TokenStatusList.MEDIA_TYPE);
        }, Clock.systemUTC()).verify(presentation, keyBinding);
    }

    @Override
    public Verification verify(String vcJwt) {
        return verify(vcJwt, KeyBinding.OPTIONAL);
    }

    @Override
    public Verification verify(String vcJwt, KeyBinding keyBinding) {
        if (vcJwt != null && vcJwt.indexOf('~') >= 0) {
            return verifySdJwt(vcJwt, keyBinding);
        }
        String localPrefix = statusListUrl("");
        CredentialVerifier verifier = new CredentialVerifier(did -> resolver.resolve(did).content(), url -> {
            if (url.startsWith(localPrefix)) {
                return statusListCredential(url.substring(localPrefix.length()))
                    .orElseThrow(() -> new IOException("no status list at " + url));
            }
            DidWebFetcher fetcher = resolver.fetcher();
            return fetcher.text(URI.create(url), VcJwt.MEDIA_TYPE + ", application/jwt");
        }, CredentialContexts.of(platform.publicUrl()), Clock.systemUTC());
        return verifier.verify(vcJwt);
    }

    @Override
    @Transactional
    public Optional<String> statusListCredential(String listId) {
        if (listId == null || !listId.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return statusLists.find(listId).map(list -> {
            String url = statusListUrl(list.id());
            Map<String, Object> subject = new LinkedHashMap<>();
            subject.put("id", url + "#list");
            subject.put("type", "BitstringStatusList");
            subject.put("statusPurpose", list.purpose());
            subject.put("encodedList", BitstringStatusList.encode(list.bits()));
            Map<String, Object> vc = new LinkedHashMap<>();
            vc.put("@context", List.of(CredentialVerifier.VC_CONTEXT));
            vc.put("id", url);
            vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
            vc.put("issuer", platform.did());
            vc.put("validFrom", list.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            vc.put("validUntil", now().plus(Duration.ofDays(1)).toString());
            vc.put("credentialSubject", subject);
            return platform.sign(vc);
        });
    }

    /**
     * The same list as an IETF Token Status List: a {@code statuslist+jwt} whose {@code status_list.lst} holds the
     * bits in that draft's order (LSB first), {@code sub} its own URL, {@code ttl} and {@code exp} for caching.
     */
    @Override
    @Transactional
    public Optional<String> tokenStatusList(String listId) {
        if (listId == null || !listId.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return statusLists.find(listId).map(list -> {
            Instant now = now();
            Map<String, Object> statusList = new LinkedHashMap<>();
            statusList.put("bits", 1);
            statusList.put("lst", TokenStatusList.encode(TokenStatusList.fromBitstring(list.bits())));
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", platform.did());
            claims.put("sub", tokenStatusListUrl(list.id()));
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(Duration.ofDays(1)).getEpochSecond());
            claims.put("ttl", TOKEN_STATUS_TTL_SECONDS);
            claims.put("status_list", statusList);
            return platform.signJwt(claims, TokenStatusList.TYP);
        });
    }

    @Override
    public String contextUrl() {
        return CredentialContexts.copartnerUrl(platform.publicUrl());
    }

    @Override
    public String contextDocument() {
        return CredentialContexts.copartnerDocument();
    }

    public String statusListUrl(String listId) {
        return platform.publicUrl() + STATUS_PATH + listId;
    }

    public String tokenStatusListUrl(String listId) {
        return platform.publicUrl() + TOKEN_STATUS_PATH + listId;
    }

    private IssuedCredential issued(IssuedCredentialRecord r) {
        return new IssuedCredential("urn:uuid:" + r.id(), r.type(), r.jwt(), VcJwt.parse(r.jwt()).credential(),
            statusListUrl(r.statusListId()), r.statusIndex());
    }

    private Revocation revocation(IssuedCredentialRecord r) {
        return new Revocation("urn:uuid:" + r.id(), r.revoked(), r.revokedAt(), statusListUrl(r.statusListId()),
            r.statusIndex(), tokenStatusListUrl(r.statusListId()));
    }

    private Instant validUntil(Instant requested, Instant now) {
        Instant until = requested == null ? now.plus(Duration.ofDays(defaultValidityDays))
            : requested.truncatedTo(ChronoUnit.SECONDS);
        if (!until.isAfter(now)) {
            throw ProblemException.badRequest("validUntil must be in the future.");
        }
        return until;
    }

    static UUID parseId(String credentialId) {
        String s = credentialId == null ? "" : credentialId.startsWith("urn:uuid:") ? credentialId.substring(9) : credentialId;
        try {
            if (s.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No credential " + credentialId + " was issued here.");
        }
    }

    private static String requireDid(String did, String field) {
        String d = did.strip();
        try {
            if (d.startsWith(DidKeyMethod.PREFIX)) {
                DidKeyMethod.decode(d);
            } else if (d.startsWith(DidWeb.PREFIX)) {
                DidWeb.parse(d);
            } else {
                throw new MalformedDidException("a did:key or did:web is required");
            }
        } catch (MalformedDidException e) {
            throw ProblemException.badRequest(field + ": " + e.getMessage());
        }
        return d;
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required.");
        }
        return value.strip();
    }

    private static String saltedHash(byte[] salt, String value) {
        return Hashes.hex(Hashes.sha256(salt, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
