package io.copartner.identity.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * W3C Verifiable Credentials 2.0 the platform issues as {@code vc+jwt} (VC-JOSE-COSE, EdDSA with the platform's
 * did:web issuer key), revocable through a Bitstring Status List, and verification of any presented vc+jwt.
 * Issuance and revocation write an audit entry in the same transaction (salted hashes, no personal data) and
 * honour an optional {@code Idempotency-Key}: a repeated key with the same request returns the first result,
 * with a different request it is an {@code idempotency-conflict}.
 */
public interface Credentials {

    /** {@code idempotencyKey} may be null (no key); the answer says whether it is the replay of an earlier one. */
    Idempotent<IssuedCredential> issueMerchantVerification(MerchantVerificationClaims claims, PartyId actor,
                                                           IdempotencyKey idempotencyKey);

    Idempotent<IssuedCredential> issuePartnerMembership(PartnerMembershipClaims claims, PartyId actor,
                                                        IdempotencyKey idempotencyKey);

    /** Sets the credential's revocation bit; revoking a revoked credential changes nothing. */
    Idempotent<Revocation> revoke(String credentialId, String reason, PartyId actor, IdempotencyKey idempotencyKey);

    /**
     * The caller's PartnerMembership as an SD-JWT VC (RFC 9901, typ {@code dc+sd-jwt}, {@code vct}
     * {@value #PARTNER_MEMBERSHIP_VCT}) with {@code partnerSince}, {@code tier} and (if stored) {@code name} as
     * selectively disclosable claims; {@code sub} is the partner's DID when it has one.
     */
    SdJwtCredential issuePartnerMembershipSdJwt(PartyId party, String partnerDid);

    String PARTNER_MEMBERSHIP_VCT = "https://copartner.io/credentials/PartnerMembership";

    /**
     * Checks format, data model, issuer, signature (via the issuer's DID document), validity window and status. */
    Verification verify(String vcJwt);

    /** Like {@link #verify(String)}; an SD-JWT presentation is also held to {@code keyBinding}. */
    Verification verify(String credential, KeyBinding keyBinding);

    /**
     * Verifies an SD-JWT presentation ({@code <JWT>~<Disclosure>~...~[<KB-JWT>]}): signature via the issuer's DID
     * document, each Disclosure's digest exactly once in {@code _sd}, and a Key Binding JWT as {@code keyBinding}
     * asks; the credential returned holds only the disclosed claims.
     */
    Verification verifySdJwt(String presentation, KeyBinding keyBinding);

    /**
     * What a verifier expects of an SD-JWT presentation's Key Binding JWT: its {@code aud} and {@code nonce} (each
     * null for "not checked") and whether one must be there at all. A KB-JWT that is present is always checked
     * (holder key from {@code cnf}, signature, {@code sd_hash}, {@code iat} within the last 5 minutes).
     */
    record KeyBinding(boolean required, String audience, String nonce) {
        /** No expectations: a KB-JWT is checked if present, but none is required. */
        public static final KeyBinding OPTIONAL = new KeyBinding(false, null, null);

        /** Required when the verifier names an audience or a nonce, or asks for it. */
        public static KeyBinding of(Boolean required, String audience, String nonce) {
            String aud = audience == null || audience.isBlank() ? null : audience;
            String n = nonce == null || nonce.isBlank() ? null : nonce;
            return new KeyBinding(Boolean.TRUE.equals(required) || aud != null || n != null, aud, n);
        }
    }

    /** The status list credential (a vc+jwt) of one list, empty for an unknown list. */
    Optional<String> statusListCredential(String listId);

    /** The same list as a Token Status List token ({@code statuslist+jwt}), empty for an unknown list. */
    Optional<String> tokenStatusList(String listId);

    /** Where the platform's JSON-LD context is served; every vc+jwt it issues names it after the VC 2.0 context. */
    String contextUrl();

    /** The platform's JSON-LD context document ({@code application/ld+json}), static. */
    String contextDocument();

    /** {@code merchantId} and {@code businessLicenceNumber} required; the subject defaults to the merchant's did:web. */
    record MerchantVerificationClaims(String merchantId, String subjectDid, String businessLicenceNumber,
                                      Instant verifiedAt, String verifiedBy, Instant validUntil) {
    }

    record PartnerMembershipClaims(String partnerDid, LocalDate partnerSince, String tier, Instant validUntil) {
    }

    record IssuedCredential(String id, String type, String jwt, Map<String, Object> credential,
                            String statusListCredential, long statusListIndex) {
    }

    /** {@code tokenStatusList}: the same list as a Token Status List, where an SD-JWT's entry flips too. */
    record Revocation(String id, boolean revoked, Instant revokedAt, String statusListCredential,
                      long statusListIndex, String tokenStatusList) {
    }

    /**
     * {@code sdJwt} is {@code <JWT>~<Disclosure>~...~} with every disclosure; {@code id} revokes it; its
     * {@code status} claim names {@code statusList} (a Token Status List) and {@code statusListIndex}.
     */
    record SdJwtCredential(String id, String sdJwt, String vct, String issuer, List<Disclosed> disclosures,
                           String statusList, long statusListIndex) {
    }

    /** One selectively disclosable claim: its value, its Disclosure and that Disclosure's digest in {@code _sd}. */
    record Disclosed(String claim, Object value, String disclosure, String digest) {
    }

    record Check(String check, boolean ok, String detail) {
    }

    /** {@code credential} is the decoded payload when it could be read, else null. */
    record Verification(boolean verified, List<Check> checks, Map<String, Object> credential) {
    }
}
