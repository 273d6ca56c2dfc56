package io.copartner.identity.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import io.copartner.identity.api.Credentials.Check;
import io.copartner.identity.api.Credentials.KeyBinding;
import io.copartner.identity.api.Credentials.Verification;
import io.copartner.identity.did.DidKeyMethod;
import io.copartner.kernel.encoding.KeyType;
import io.copartner.identity.did.PublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SD-JWT (RFC 9901): disclosure encoding and digests, issuance, holder presentation, verification. */
class SdJwtTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String ISSUER = "did:web:issuer.example";

    final byte[] seed = Ed25519Keys.newSeed();
    final PublicKey key = new PublicKey(KeyType.ED25519, Ed25519Keys.publicKey(seed));
    final Map<String, Object> document = CredentialVerifierTest.webDocument(
        List.of(CredentialVerifierTest.vm("#issuer-1", key, null)), List.of("#issuer-1"));
    final Map<String, String> statusTokens = new java.util.HashMap<>();
    static final String TOKEN_LIST = "https://issuer.example/token-status/1";

    // RFC 9901 §4.2.1: the disclosure of family_name "Möbius" and its digest (the digest is over the
    // base64url characters as received, so the spaces of the issuer's JSON encoding matter).
    @Test
    void rfc9901DisclosureDigests() {
        String encoded = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
        SdJwt.Disclosure d = SdJwt.Disclosure.parse(encoded);
        assertEquals("_26bc4LT-ac6q2KI6cBW5es", d.salt());
        assertEquals("family_name", d.name());
        assertEquals("Möbius", d.value());
        assertEquals("X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0", d.digest());
        // RFC 9901 §5.1: given_name "John"
        SdJwt.Disclosure john = SdJwt.Disclosure.parse("WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd");
        assertEquals("given_name", john.name());
        assertEquals("jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4", john.digest());
    }

    @Test
    void encodingIsBase64urlOfTheJsonArrayWithoutPadding() {
        SdJwt.Disclosure d = SdJwt.Disclosure.of("salt-1", "tier", "gold");
        String json = new String(Base64.getUrlDecoder().decode(d.encoded()), StandardCharsets.UTF_8);
        assertEquals("[\"salt-1\",\"tier\",\"gold\"]", json);
        assertFalse(d.encoded().contains("="));
        assertEquals(d, SdJwt.Disclosure.parse(d.encoded()));
        assertEquals(SdJwt.digest(d.encoded()), d.digest());
        assertThrows(IllegalArgumentException.class, () -> SdJwt.Disclosure.parse("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> SdJwt.Disclosure.parse(b64("[\"s\",\"_sd\",1]")));
        assertThrows(IllegalArgumentException.class, () -> SdJwt.Disclosure.parse(b64("[\"s\",1]")));
    }

    SdJwt.Issued issue() {
        return issue(null);
    }

    /** A membership with a Token Status List entry {@code idx} in {@link #TOKEN_LIST}. */
    SdJwt.Issued issueWithStatus(long idx) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("iat", NOW.getEpochSecond() - 60);
        claims.put("exp", NOW.getEpochSecond() + 3600);
        claims.put("vct", "https://copartner.io/credentials/PartnerMembership");
        claims.put("status", Map.of("status_list", Map.of("idx", idx, "uri", TOKEN_LIST)));
        claims.put("tier", "gold");
        return SdJwt.issue(claims, Set.of("tier"), ISSUER + "#issuer-1", JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(seed));
    }

    /** Publishes a Status List Token with the entries in {@code revoked} INVALID. */
    void publishToken(String typ, String sub, long... revoked) {
        byte[] bits = BitstringStatusList.empty(BitstringStatusList.MIN_BITS);
        for (long i : revoked) {
            BitstringStatusList.set(bits, (int) i, true);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", sub);
        claims.put("iat", NOW.getEpochSecond() - 10);
        claims.put("exp", NOW.getEpochSecond() + 3600);
        claims.put("ttl", 60);
        claims.put("status_list", Map.of("bits", 1, "lst", TokenStatusList.encode(TokenStatusList.fromBitstring(bits))));
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
            new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new com.nimbusds.jose.JOSEObjectType(typ))
                .keyID(ISSUER + "#issuer-1").build(),
            new com.nimbusds.jose.Payload(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims)));
        try {
            jws.sign(JwsKeys.ed25519Signer(seed));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        statusTokens.put(TOKEN_LIST, jws.serialize());
    }

    @Test
    void theStatusClaimIsCheckedAgainstTheStatusListToken() {
        String sdJwt = issueWithStatus(4242).serialize();
        publishToken(TokenStatusList.TYP, TOKEN_LIST, 17);
        Verification ok = verify(sdJwt);
        assertTrue(ok.verified(), ok.checks().toString());
        assertEquals("status_list idx 4242 VALID", check(ok, "status").detail());

        publishToken(TokenStatusList.TYP, TOKEN_LIST, 17, 4242);
        Verification revoked = verify(sdJwt);
        assertFalse(revoked.verified());
        assertEquals("revoked (status_list idx 4242 is INVALID)", check(revoked, "status").detail());

        publishToken("JWT", TOKEN_LIST);
        assertTrue(check(verify(sdJwt), "status").detail().contains("typ must be statuslist+jwt"));
        publishToken(TokenStatusList.TYP, "https://issuer.example/token-status/2");
        assertTrue(check(verify(sdJwt), "status").detail().contains("sub is not the uri"));
        statusTokens.clear();
        assertTrue(check(verify(sdJwt), "status").detail().contains("could not be checked"));
        assertTrue(check(verify(issue().serialize()), "status").ok(), "no status claim, nothing to check");
    }

    /** The membership credential; with {@code holder}, bound to it by {@code cnf.jwk} and {@code sub}. */
    SdJwt.Issued issue(PublicKey holder) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (holder != null) {
            claims.put("sub", DidKeyMethod.of(holder));
            claims.put("cnf", Map.of("jwk", holder.jwk()));
        }
        claims.put("iss", ISSUER);
        claims.put("iat", NOW.getEpochSecond() - 60);
        claims.put("exp", NOW.getEpochSecond() + 3600);
        claims.put("vct", "https://copartner.io/credentials/PartnerMembership");
        claims.put("partnerSince", "2026-01-15");
        claims.put("tier", "gold");
        claims.put("name", "Mei Chen");
        return SdJwt.issue(claims, Set.of("partnerSince", "tier", "name"), ISSUER + "#issuer-1", JWSAlgorithm.EdDSA,
            JwsKeys.ed25519Signer(seed));
    }

    Verification verify(String presentation) {
        return verify(presentation, KeyBinding.OPTIONAL);
    }

    Verification verify(String presentation, KeyBinding expected) {
        return new SdJwtVerifier(did -> {
            if (!ISSUER.equals(did)) {
                throw new IllegalArgumentException("unknown " + did);
            }
            return document;
        }, url -> {
            String token = statusTokens.get(url);
            if (token == null) {
                throw new IllegalArgumentException("404");
            }
            return token;
        }, Clock.fixed(NOW, ZoneOffset.UTC)).verify(presentation, expected);
    }

    /** A holder wallet: Ed25519 (JDK) or secp256k1 (BouncyCastle). */
    record Holder(PublicKey key, JWSSigner signer, JWSAlgorithm alg) {
        static Holder ed25519() {
            byte[] seed = Ed25519Keys.newSeed();
            return new Holder(new PublicKey(KeyType.ED25519, Ed25519Keys.publicKey(seed)), JwsKeys.ed25519Signer(seed),
                JWSAlgorithm.EdDSA);
        }

        static Holder secp256k1() {
            X9ECParameters k1 = CustomNamedCurves.getByName("secp256k1");
            BigInteger d = new BigInteger(256, new SecureRandom()).mod(k1.getN().subtract(BigInteger.ONE))
                .add(BigInteger.ONE);
            return new Holder(new PublicKey(KeyType.SECP256K1, k1.getG().multiply(d).normalize().getEncoded(true)),
                JwsKeys.secp256k1Signer(d), JWSAlgorithm.ES256K);
        }

        String bind(String presentation, String aud, String nonce, Instant iat) {
            return SdJwt.bind(presentation, aud, nonce, iat.getEpochSecond(), alg, signer);
        }
    }

    static final String AUD = "https://shop.example";
    static final KeyBinding EXPECTED = new KeyBinding(true, AUD, "n-123");

    @Test
    void aBoundPresentationVerifiesForTheVerifiersAudienceAndNonce() {
        for (Holder h : List.of(Holder.ed25519(), Holder.secp256k1())) {
            String tierOnly = SdJwt.present(issue(h.key()).serialize(), Set.of("tier"));
            Verification v = verify(h.bind(tierOnly, AUD, "n-123", NOW.minusSeconds(5)), EXPECTED);
            assertTrue(v.verified(), v.checks().toString());
            assertTrue(check(v, "key-binding").detail().contains("the key of did:key:"), check(v, "key-binding").detail());
            assertEquals("gold", v.credential().get("tier"));
            assertNull(v.credential().get("name"));
        }
    }

    @Test
    void keyBindingFailuresAreRefused() {
        Holder h = Holder.ed25519();
        String full = issue(h.key()).serialize();
        String tierOnly = SdJwt.present(full, Set.of("tier"));

        assertKeyBindingFails(verify(tierOnly, EXPECTED), "required");
        assertKeyBindingFails(verify(h.bind(tierOnly, AUD, "other", NOW), EXPECTED), "nonce");
        assertKeyBindingFails(verify(h.bind(tierOnly, "https://evil.example", "n-123", NOW), EXPECTED), "aud");
        assertKeyBindingFails(verify(h.bind(tierOnly, AUD, "n-123", NOW.minusSeconds(400)), EXPECTED), "iat");
        assertKeyBindingFails(verify(h.bind(tierOnly, AUD, "n-123", NOW.plusSeconds(120)), EXPECTED), "iat");
        assertKeyBindingFails(verify(Holder.ed25519().bind(tierOnly, AUD, "n-123", NOW), EXPECTED), "signature");
        assertKeyBindingFails(verify(Holder.secp256k1().bind(tierOnly, AUD, "n-123", NOW), EXPECTED), "alg");

        // A KB-JWT made for one set of Disclosures does not cover another (sd_hash).
        String kb = h.bind(tierOnly, AUD, "n-123", NOW);
        String kbJwt = kb.substring(kb.lastIndexOf('~') + 1);
        assertKeyBindingFails(verify(full + kbJwt, EXPECTED), "sd_hash");

        // A credential without a holder key cannot be key-bound.
        String unbound = SdJwt.present(issue().serialize(), Set.of("tier"));
        assertKeyBindingFails(verify(h.bind(unbound, AUD, "n-123", NOW), EXPECTED), "cnf");
    }

    @Test
    void aKeyBindingJwtIsCheckedEvenWhenTheVerifierAskedForNone() {
        Holder h = Holder.ed25519();
        String tierOnly = SdJwt.present(issue(h.key()).serialize(), Set.of("tier"));
        assertTrue(verify(tierOnly).verified(), "no KB-JWT required, none given");
        Verification bound = verify(h.bind(tierOnly, AUD, "any", NOW));
        assertTrue(bound.verified(), bound.checks().toString());
        assertTrue(check(bound, "key-binding").detail().contains("nonce not checked"));
        assertFalse(verify(Holder.ed25519().bind(tierOnly, AUD, "any", NOW)).verified(), "another key's KB-JWT");
    }

    static void assertKeyBindingFails(Verification v, String why) {
        assertFalse(v.verified(), v.checks().toString());
        Check kb = check(v, "key-binding");
        assertFalse(kb.ok());
        assertTrue(kb.detail().contains(why), kb.detail());
    }

    @Test
    void issuedPayloadHoldsOnlyDigests() throws Exception {
        SdJwt.Issued issued = issue();
        Map<String, Object> payload = JWSObject.parse(issued.jwt()).getPayload().toJSONObject();
        assertEquals("dc+sd-jwt", JWSObject.parse(issued.jwt()).getHeader().getType().getType());
        assertEquals("sha-256", payload.get("_sd_alg"));
        assertFalse(payload.containsKey("name") || payload.containsKey("tier") || payload.containsKey("partnerSince"));
        assertFalse(issued.jwt().contains("Mei") );
        List<?> sd = (List<?>) payload.get("_sd");
        assertTrue(sd.size() >= 3 + 1 && sd.size() <= 3 + SdJwt.MAX_DECOYS, "3 digests and 1.." + SdJwt.MAX_DECOYS
            + " decoys: " + sd.size());
        assertEquals(sd.stream().map(Object::toString).sorted().toList(), sd, "sorted, so order tells nothing");
        for (SdJwt.Disclosure d : issued.disclosures()) {
            assertTrue(sd.contains(d.digest()));
        }
        assertTrue(issued.serialize().endsWith("~"));
        assertEquals(4, issued.serialize().split("~").length);
    }

    @Test
    void fullPresentationVerifies() {
        Verification v = verify(issue().serialize());
        assertTrue(v.verified(), v.checks().toString());
        assertEquals("gold", v.credential().get("tier"));
        assertEquals("Mei Chen", v.credential().get("name"));
        assertNull(v.credential().get("_sd"));
    }

    @Test
    void undisclosedClaimsStayHidden() {
        String presentation = SdJwt.present(issue().serialize(), Set.of("tier"));
        assertEquals(2, presentation.split("~").length);
        Verification v = verify(presentation);
        assertTrue(v.verified(), v.checks().toString());
        assertEquals("gold", v.credential().get("tier"));
        assertFalse(v.credential().containsKey("name"));
        assertFalse(v.credential().containsKey("partnerSince"));
        assertFalse(v.credential().toString().contains("Mei"));
        assertEquals(ISSUER, v.credential().get("iss"));
        // no disclosures at all still verifies, with only the plain claims
        Verification none = verify(SdJwt.present(issue().serialize(), Set.of()));
        assertTrue(none.verified(), none.checks().toString());
        assertFalse(none.credential().containsKey("tier"));
    }

    @Test
    void tamperedDisclosureIsRejected() {
        SdJwt.Issued issued = issue();
        SdJwt.Disclosure tier = issued.disclosures().stream().filter(d -> d.name().equals("tier")).findFirst().orElseThrow();
        SdJwt.Disclosure forged = SdJwt.Disclosure.of(tier.salt(), "tier", "platinum");
        Verification v = verify(SdJwt.serialize(issued.jwt(), List.of(forged.encoded())));
        assertFalse(v.verified());
        assertFalse(check(v, "disclosures").ok());
        assertFalse(v.credential().containsKey("tier"));
        assertTrue(check(v, "signature").ok());
    }

    @Test
    void duplicateAndForeignDisclosuresAreRejected() {
        SdJwt.Issued issued = issue();
        String d = issued.disclosures().get(0).encoded();
        Verification twice = verify(SdJwt.serialize(issued.jwt(), List.of(d, d)));
        assertFalse(twice.verified());
        assertTrue(check(twice, "disclosures").detail().contains("twice"));
        String foreign = issue().disclosures().get(0).encoded();
        Verification other = verify(SdJwt.serialize(issued.jwt(), List.of(foreign)));
        assertFalse(other.verified());
        assertTrue(check(other, "disclosures").detail().contains("not in _sd"));
    }

    @Test
    void duplicateDigestsInThePayloadAreRejected() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("_sd", List.of("abc", "abc"));
        assertTrue(SdJwtVerifier.disclose(payload, List.of(), new LinkedHashMap<>()).contains("distinct"));
    }

    @Test
    void alteredJwtOrUnknownIssuerFails() {
        SdJwt.Issued issued = issue();
        String[] parts = issued.jwt().split("\\.");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("_sd", new ArrayList<>());
        payload.put("tier", "platinum");
        String forged = parts[0] + "." + b64(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(payload)) + "." + parts[2];
        Verification v = verify(forged + "~");
        assertFalse(v.verified());
        assertFalse(check(v, "signature").ok());
        Verification kb = verify(issued.serialize() + "eyJhbGciOiJub25lIn0.e30.");
        assertFalse(kb.verified());
        assertFalse(verify("no-tilde").verified());
    }

    static Check check(Verification v, String name) {
        return v.checks().stream().filter(c -> c.check().equals(name)).findFirst().orElseThrow();
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
