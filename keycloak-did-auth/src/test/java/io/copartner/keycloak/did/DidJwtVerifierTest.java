package io.copartner.keycloak.did;

import io.copartner.kernel.encoding.DidKey;
import io.copartner.kernel.encoding.KeyType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JWS verification of sign-in assertions: EdDSA and ES256K accepted, every pinned refusal refused. */
class DidJwtVerifierTest {

    static final String AUD = "http://127.0.0.1:8180/realms/copartner/protocol/openid-connect/token";
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    static String reason(String jwt) {
        return assertThrows(InvalidAssertionException.class, () -> DidJwtVerifier.verify(jwt, AUD, NOW)).getMessage();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "SECP256K1"})
    void acceptsAnAssertionSignedByTheDidKey(KeyType type) throws Exception {
        TestWallet w = TestWallet.create(type);
        String jwt = w.sign(TestWallet.claims(w.did, AUD, "n0nce-n0nce-n0nce", NOW.minusSeconds(5)).build());
        DidJwtVerifier.Assertion a = DidJwtVerifier.verify(jwt, AUD, NOW);
        assertEquals(w.did, a.did());
        assertEquals("n0nce-n0nce-n0nce", a.nonce());
        assertEquals(NOW.minusSeconds(5), a.issuedAt());
    }

    @Test
    void acceptsTheFullySpecifiedEd25519Algorithm() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        DidJwtVerifier.verify(signWithAlg(w, "Ed25519"), AUD, NOW); // RFC 9864 name beside "EdDSA"
    }

    private static String signWithAlg(TestWallet w, String alg) throws Exception {
        com.nimbusds.jose.JWSHeader header = new com.nimbusds.jose.JWSHeader.Builder(new JWSAlgorithm(alg))
            .keyID(w.did.keyId()).build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(header,
            TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).build());
        jwt.sign(w.signer(w.keys.getPrivate()));
        return jwt.serialize();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "SECP256K1"})
    void refusesASignatureByAnotherKey(KeyType type) throws Exception {
        TestWallet w = TestWallet.create(type);
        TestWallet other = TestWallet.create(type);
        String jwt = new SignedAs(w, other).sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).build());
        assertEquals("signature does not verify with the DID's key", reason(jwt));
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "SECP256K1"})
    void refusesATamperedPayload(KeyType type) throws Exception {
        TestWallet w = TestWallet.create(type);
        String[] parts = w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).build()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("nonce-nonce-nonce", "nonce-nonce-other");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals("signature does not verify with the DID's key", reason(forged));
    }

    @Test
    void refusesAKidThatIsNotTheDidsKey() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        TestWallet other = TestWallet.create(KeyType.ED25519);
        JWTClaimsSet c = TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).build();
        assertTrue(reason(w.sign(c, h -> h.keyID(other.did.keyId()))).startsWith("kid must be"));
        assertTrue(reason(w.sign(c, h -> h.keyID(null))).startsWith("kid must be"));
        assertTrue(reason(w.sign(c, h -> h.keyID(w.did.did()))).startsWith("kid must be"));
    }

    @Test
    void refusesAnAlgorithmThatDoesNotFitTheKey() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        // An Ed25519 signature under a header that says ES256K.
        TestWallet.JdkEd25519Signer ed = new TestWallet.JdkEd25519Signer(w.keys.getPrivate());
        com.nimbusds.jose.JWSSigner lying = new com.nimbusds.jose.JWSSigner() {
            @Override
            public com.nimbusds.jose.util.Base64URL sign(com.nimbusds.jose.JWSHeader h, byte[] input) {
                return ed.sign(h, input);
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return Set.of(JWSAlgorithm.ES256K);
            }

            @Override
            public com.nimbusds.jose.jca.JCAContext getJCAContext() {
                return ed.getJCAContext();
            }
        };
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
            new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.ES256K).keyID(w.did.keyId()).build(),
            TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).build());
        jwt.sign(lying);
        assertTrue(reason(jwt.serialize()).startsWith("alg ES256K does not fit"));
    }

    @Test
    void refusesTheWrongAudience() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        String jwt = w.sign(TestWallet.claims(w.did, "https://evil.example/token", "nonce-nonce-nonce", NOW).build());
        assertTrue(reason(jwt).startsWith("aud must be"));
    }

    @Test
    void refusesAnExpiredAssertion() throws Exception {
        TestWallet w = TestWallet.create(KeyType.SECP256K1);
        String jwt = w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW.minusSeconds(400)).build());
        assertEquals("assertion expired", reason(jwt));
    }

    @Test
    void toleratesSmallClockSkewOnly() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        DidJwtVerifier.verify(w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW.plusSeconds(20)).build()),
            AUD, NOW);
        assertEquals("iat is in the future",
            reason(w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW.plusSeconds(60)).build())));
    }

    @Test
    void refusesALifetimeAboveFiveMinutes() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        JWTClaimsSet c = TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW)
            .expirationTime(Date.from(NOW.plusSeconds(301))).build();
        assertTrue(reason(w.sign(c)).startsWith("exp must be after iat and at most 300 s"));
        JWTClaimsSet ok = TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW)
            .expirationTime(Date.from(NOW.plusSeconds(300))).build();
        DidJwtVerifier.verify(w.sign(ok), AUD, NOW);
    }

    @Test
    void requiresEveryClaim() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        assertEquals("nonce is required",
            reason(w.sign(TestWallet.claims(w.did, AUD, null, NOW).build())));
        assertEquals("jti is required",
            reason(w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).jwtID(null).build())));
        assertEquals("iat and exp are required",
            reason(w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).issueTime(null).build())));
        assertEquals("iss and sub must both be the DID",
            reason(w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).subject("someone").build())));
    }

    @Test
    void refusesMalformedDidsAndOtherMethods() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        String bad = "did:key:z6MkNOT0base58";
        assertTrue(reason(w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).issuer(bad).subject(bad)
            .build())).startsWith("malformed did:key"));
        String web = "did:web:example.com";
        assertEquals("unsupported DID method: web", reason(w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce",
            NOW).issuer(web).subject(web).build())));
    }

    @Test
    void refusesCriticalHeadersItDoesNotUnderstand() throws Exception {
        TestWallet w = TestWallet.create(KeyType.ED25519);
        String jwt = w.sign(TestWallet.claims(w.did, AUD, "nonce-nonce-nonce", NOW).build(),
            h -> h.criticalParams(Set.of("exp")).customParam("exp", 1));
        assertEquals("unsupported critical header parameters", reason(jwt));
    }

    @Test
    void refusesWhatIsNotASignedJwt() {
        assertEquals("assertion is not a signed JWT", reason("abc.def"));
        assertEquals("missing assertion", reason(""));
        assertEquals("assertion is not a signed JWT",
            reason("eyJhbGciOiJub25lIn0.eyJpc3MiOiJkaWQ6a2V5OnoifQ."));
    }

    /** Claims the identity of one wallet but signs with another's key. */
    record SignedAs(TestWallet claimed, TestWallet signer) {
        String sign(JWTClaimsSet c) throws Exception {
            JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(c);
            com.nimbusds.jose.JWSHeader header = new com.nimbusds.jose.JWSHeader.Builder(
                new JWSAlgorithm(claimed.alg())).keyID(claimed.did.keyId()).build();
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(header, b.build());
            jwt.sign(signer.signer(signer.keys.getPrivate()));
            return jwt.serialize();
        }
    }
}
