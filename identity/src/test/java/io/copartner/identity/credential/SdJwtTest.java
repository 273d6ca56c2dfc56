package io.copartner.identity.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.copartner.identity.api.Credentials.Check;
import io.copartner.identity.api.Credentials.Verification;
import io.copartner.identity.did.KeyType;
import io.copartner.identity.did.PublicKey;
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
        Map<String, Object> claims = new LinkedHashMap<>();
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
        return new SdJwtVerifier(did -> {
            if (!ISSUER.equals(did)) {
                throw new IllegalArgumentException("unknown " + did);
            }
            return document;
        }, Clock.fixed(NOW, ZoneOffset.UTC)).verify(presentation);
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
        assertEquals(3, sd.size());
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
