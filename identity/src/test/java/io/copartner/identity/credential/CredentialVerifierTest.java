package io.copartner.identity.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import io.copartner.identity.api.Credentials.Check;
import io.copartner.identity.api.Credentials.Verification;
import io.copartner.identity.api.KeyFormat;
import io.copartner.identity.did.DidKeyMethod;
import io.copartner.kernel.encoding.KeyType;
import io.copartner.identity.did.PublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** vc+jwt signing and verification: a good credential, and each way one must fail. */
class CredentialVerifierTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String ISSUER = "did:web:issuer.example";
    static final String LIST_URL = "https://issuer.example/status/1";
    static final String PUBLIC_URL = "https://issuer.example";
    static final String CONTEXT = PUBLIC_URL + "/ns/credentials/v1";

    final byte[] seed = Ed25519Keys.newSeed();
    final PublicKey issuerKey = new PublicKey(KeyType.ED25519, Ed25519Keys.publicKey(seed));
    final Map<String, Map<String, Object>> documents = new HashMap<>();
    final Map<String, String> lists = new HashMap<>();
    final byte[] bits = BitstringStatusList.empty(BitstringStatusList.MIN_BITS);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    CredentialVerifierTest() {
        documents.put(ISSUER, webDocument(List.of(vm("#issuer-1", issuerKey, null)), List.of("#issuer-1")));
        publishList();
    }

    CredentialVerifier verifier() {
        return new CredentialVerifier(did -> {
            if (did.startsWith("did:key:")) {
                return DidKeyMethod.document(did, KeyFormat.MULTIKEY);
            }
            Map<String, Object> d = documents.get(did);
            if (d == null) {
                throw new IllegalArgumentException("unknown DID " + did);
            }
            return d;
        }, url -> {
            String l = lists.get(url);
            if (l == null) {
                throw new IllegalArgumentException("404");
            }
            return l;
        }, CredentialContexts.of(PUBLIC_URL), clock);
    }

    static Map<String, Object> credential(String issuer, Instant from, Instant until, Long statusIndex) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(CredentialVerifier.VC_CONTEXT, CONTEXT));
        vc.put("id", "urn:uuid:0190f1a2-0000-7000-8000-000000000001");
        vc.put("type", List.of("VerifiableCredential", "MerchantVerification"));
        vc.put("issuer", issuer);
        vc.put("validFrom", from.toString());
        if (until != null) {
            vc.put("validUntil", until.toString());
        }
        vc.put("credentialSubject", Map.of("id", "did:web:issuer.example:merchants:m1", "businessLicenceNumber", "91310000MA1FL0001X"));
        if (statusIndex != null) {
            vc.put("credentialStatus", Map.of("id", LIST_URL + "#" + statusIndex, "type", "BitstringStatusListEntry",
                "statusPurpose", "revocation", "statusListIndex", statusIndex.toString(), "statusListCredential", LIST_URL));
        }
        return vc;
    }

    String sign(Map<String, Object> vc) {
        return VcJwt.sign(vc, ISSUER + "#issuer-1", JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(seed));
    }

    void publishList() {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", List.of(CredentialVerifier.VC_CONTEXT));
        list.put("id", LIST_URL);
        list.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        list.put("issuer", ISSUER);
        list.put("validFrom", NOW.minusSeconds(60).toString());
        list.put("credentialSubject", Map.of("id", LIST_URL + "#list", "type", "BitstringStatusList",
            "statusPurpose", "revocation", "encodedList", BitstringStatusList.encode(bits)));
        lists.put(LIST_URL, sign(list));
    }

    static Map<String, Object> webDocument(List<Map<String, Object>> vms, List<String> assertion) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"));
        doc.put("id", ISSUER);
        doc.put("verificationMethod", vms);
        doc.put("assertionMethod", assertion);
        return doc;
    }

    static Map<String, Object> vm(String fragment, PublicKey key, Instant expires) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("id", ISSUER + fragment);
        vm.put("type", "Multikey");
        vm.put("controller", ISSUER);
        vm.put("publicKeyMultibase", key.multibase());
        if (expires != null) {
            vm.put("expires", expires.toString());
        }
        return vm;
    }

    static Check check(Verification v, String name) {
        return v.checks().stream().filter(c -> c.check().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyTermMustBeDefinedByAKnownContext() {
        Map<String, Object> bare = credential(ISSUER, NOW.minusSeconds(60), null, null);
        bare.put("@context", List.of(CredentialVerifier.VC_CONTEXT));
        Verification v = verifier().verify(sign(bare));
        assertFalse(v.verified());
        assertEquals("the type MerchantVerification is not defined by the credential's @context",
            check(v, "data-model").detail());

        Map<String, Object> unknown = credential(ISSUER, NOW.minusSeconds(60), null, null);
        unknown.put("@context", List.of(CredentialVerifier.VC_CONTEXT, "https://evil.example/ctx"));
        Check c = check(verifier().verify(sign(unknown)), "data-model");
        assertFalse(c.ok());
        assertTrue(c.detail().startsWith("unknown @context https://evil.example/ctx"), c.detail());

        Map<String, Object> extra = credential(ISSUER, NOW.minusSeconds(60), null, null);
        extra.put("credentialSubject", Map.of("id", "did:web:issuer.example:merchants:m1", "shoeSize", 44));
        c = check(verifier().verify(sign(extra)), "data-model");
        assertFalse(c.ok());
        assertEquals("the term shoeSize in credentialSubject is not defined by the credential's @context", c.detail());

        Map<String, Object> inline = credential(ISSUER, NOW.minusSeconds(60), null, null);
        inline.put("@context", List.of(CredentialVerifier.VC_CONTEXT, Map.of("shoeSize", "https://x.example/s")));
        assertFalse(check(verifier().verify(sign(inline)), "data-model").ok());
    }

    @Test
    void theServedContextDefinesEveryTermThePlatformIssuesProtected() throws Exception {
        Map<String, Object> doc = com.nimbusds.jose.util.JSONObjectUtils.parse(CredentialContexts.copartnerDocument());
        Map<String, Object> ctx = com.nimbusds.jose.util.JSONObjectUtils.getJSONObject(doc, "@context");
        assertEquals(true, ctx.get("@protected"));
        for (String term : List.of("MerchantVerification", "PartnerMembership", "merchantId", "businessLicenceNumber",
            "verifiedAt", "verifiedBy", "partnerSince", "tier")) {
            Object def = ctx.get(term);
            String iri = def instanceof Map<?, ?> m ? (String) m.get("@id") : (String) def;
            assertEquals("https://copartner.io/ns/credentials#" + term, iri, term);
        }
        assertEquals(java.util.Set.of("MerchantVerification", "PartnerMembership", "merchantId",
            "businessLicenceNumber", "verifiedAt", "verifiedBy", "partnerSince", "tier"), CredentialContexts.copartnerTerms());
        assertEquals(CONTEXT, CredentialContexts.copartnerUrl(PUBLIC_URL + "/"));
    }

    @Test
    void anIssuerKeyPublishedAsJsonWebKeyVerifies() {
        Map<String, Object> jwkVm = io.copartner.identity.did.DidDocuments.jsonWebKey(ISSUER + "#issuer-1", ISSUER,
            issuerKey);
        assertEquals("JsonWebKey", jwkVm.get("type"));
        assertEquals(Map.of("kty", "OKP", "crv", "Ed25519", "x",
            Base64.getUrlEncoder().withoutPadding().encodeToString(issuerKey.raw())), jwkVm.get("publicKeyJwk"));
        documents.put(ISSUER, webDocument(List.of(jwkVm), List.of(ISSUER + "#issuer-1")));
        publishList();
        Verification v = verifier().verify(sign(credential(ISSUER, NOW.minusSeconds(60), null, 7L)));
        assertTrue(v.verified(), v.checks().toString());
    }

    @Test
    void aGoodCredentialVerifies() {
        String jwt = sign(credential(ISSUER, NOW.minusSeconds(3600), NOW.plusSeconds(3600), 42L));
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"typ\":\"vc+jwt\""), header);
        assertTrue(header.contains("\"alg\":\"EdDSA\""), header);
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertEquals(io.copartner.kernel.json.CanonicalJson.canonicalize(payload), payload, "RFC 8785 canonical payload");
        assertTrue(payload.startsWith("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"" + CONTEXT + "\"],"),
            payload);
        Verification v = verifier().verify(jwt);
        assertTrue(v.verified(), v.checks().toString());
        assertEquals(List.of("format", "data-model", "issuer", "signature", "validity", "status"),
            v.checks().stream().map(Check::check).toList());
        assertEquals("MerchantVerification", ((List<?>) v.credential().get("type")).get(1));
    }

    @Test
    void aTamperedPayloadFails() {
        String jwt = sign(credential(ISSUER, NOW.minusSeconds(3600), null, null));
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("91310000MA1FL0001X", "91310000MA1FL0002X");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Verification v = verifier().verify(forged);
        assertFalse(v.verified());
        assertFalse(check(v, "signature").ok());
        assertTrue(check(v, "validity").ok());
    }

    @Test
    void aSignatureByAnotherKeyFails() {
        byte[] other = Ed25519Keys.newSeed();
        String jwt = VcJwt.sign(credential(ISSUER, NOW.minusSeconds(10), null, null), ISSUER + "#issuer-1",
            JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(other));
        Verification v = verifier().verify(jwt);
        assertFalse(v.verified());
        assertTrue(check(v, "signature").detail().contains("does not verify"), check(v, "signature").detail());
    }

    @Test
    void aKidOutsideTheIssuerFails() {
        String jwt = VcJwt.sign(credential(ISSUER, NOW.minusSeconds(10), null, null), "did:web:evil.example#k",
            JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(seed));
        Verification v = verifier().verify(jwt);
        assertFalse(v.verified());
        assertFalse(check(v, "issuer").ok());
    }

    @Test
    void expiredAndNotYetValidFail() {
        Verification expired = verifier().verify(sign(credential(ISSUER, NOW.minusSeconds(7200), NOW.minusSeconds(1), null)));
        assertFalse(expired.verified());
        assertFalse(check(expired, "validity").ok());
        assertTrue(check(expired, "signature").ok());
        Verification early = verifier().verify(sign(credential(ISSUER, NOW.plusSeconds(60), null, null)));
        assertFalse(early.verified());
        assertTrue(check(early, "validity").detail().startsWith("not valid before"));
    }

    @Test
    void aRevokedBitFails() {
        String jwt = sign(credential(ISSUER, NOW.minusSeconds(10), null, 1234L));
        assertTrue(verifier().verify(jwt).verified());
        BitstringStatusList.set(bits, 1234, true);
        publishList();
        Verification v = verifier().verify(jwt);
        assertFalse(v.verified());
        assertTrue(check(v, "status").detail().startsWith("revoked"), check(v, "status").detail());
        assertTrue(check(v, "signature").ok());
        // a neighbour stays valid
        assertTrue(verifier().verify(sign(credential(ISSUER, NOW.minusSeconds(10), null, 1235L))).verified());
    }

    @Test
    void aForgedStatusListIsNotBelieved() {
        String jwt = sign(credential(ISSUER, NOW.minusSeconds(10), null, 7L));
        byte[] otherSeed = Ed25519Keys.newSeed();
        String good = lists.get(LIST_URL);
        String[] p = good.split("\\.");
        lists.put(LIST_URL, VcJwt.sign(VcJwt.parse(good).credential(), ISSUER + "#issuer-1", JWSAlgorithm.EdDSA,
            JwsKeys.ed25519Signer(otherSeed)));
        Verification v = verifier().verify(jwt);
        assertFalse(v.verified());
        assertTrue(check(v, "status").detail().contains("status list"), check(v, "status").detail());
        lists.put(LIST_URL, String.join(".", p));
        assertTrue(verifier().verify(jwt).verified());
        lists.remove(LIST_URL);
        assertFalse(verifier().verify(jwt).verified(), "an unreachable status list is not a pass");
    }

    @Test
    void aRetiredKeyStillVerifiesWhatItSignedBeforeRotation() {
        Instant rotatedAt = NOW.minusSeconds(600);
        byte[] newSeed = Ed25519Keys.newSeed();
        PublicKey newKey = new PublicKey(KeyType.ED25519, Ed25519Keys.publicKey(newSeed));
        documents.put(ISSUER, webDocument(List.of(vm("#issuer-1", issuerKey, rotatedAt), vm("#issuer-2", newKey, null)),
            List.of("#issuer-2")));
        publishListWith(newSeed);
        Verification old = verifier().verify(sign(credential(ISSUER, rotatedAt.minusSeconds(60), null, 3L)));
        assertTrue(old.verified(), old.checks().toString());
        Verification afterRotation = verifier().verify(sign(credential(ISSUER, rotatedAt.plusSeconds(1), null, null)));
        assertFalse(afterRotation.verified());
        assertTrue(check(afterRotation, "signature").detail().contains("not an assertionMethod"));
        String fresh = VcJwt.sign(credential(ISSUER, NOW.minusSeconds(1), null, null), ISSUER + "#issuer-2",
            JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(newSeed));
        assertTrue(verifier().verify(fresh).verified());
    }

    private void publishListWith(byte[] s) {
        String good = lists.get(LIST_URL);
        lists.put(LIST_URL, VcJwt.sign(VcJwt.parse(good).credential(), ISSUER + "#issuer-2", JWSAlgorithm.EdDSA,
            JwsKeys.ed25519Signer(s)));
    }

    @Test
    void aDidKeyIssuerWithSecp256k1VerifiesViaES256K() {
        BigInteger d = new BigInteger("9085d2bef69286a6cbb51623c8fa258629945cd55ca705cc4e66700396894e0c", 16);
        String did = "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
        String kid = did + "#zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
        String jwt = VcJwt.sign(credential(did, NOW.minusSeconds(5), null, null), kid, JWSAlgorithm.ES256K,
            JwsKeys.secp256k1Signer(d));
        Verification v = verifier().verify(jwt);
        assertTrue(v.verified(), v.checks().toString());
        Verification wrongAlgKey = verifier().verify(VcJwt.sign(credential(did, NOW.minusSeconds(5), null, null), kid,
            JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(seed)));
        assertFalse(wrongAlgKey.verified());
    }

    @Test
    void anEd25519DidKeyIssuerVerifies() {
        byte[] s = new byte[32];
        PublicKey k = new PublicKey(KeyType.ED25519, Ed25519Keys.publicKey(s));
        String did = DidKeyMethod.of(k);
        assertEquals("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", did);
        String jwt = VcJwt.sign(credential(did, NOW.minusSeconds(5), null, null), did + "#" + k.multibase(),
            JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(s));
        assertTrue(verifier().verify(jwt).verified());
    }

    @Test
    void garbageAndWrongTypAndDataModelFail() {
        Verification garbage = verifier().verify("not-a-jwt");
        assertFalse(garbage.verified());
        assertEquals("format", garbage.checks().get(0).check());
        assertEquals(null, garbage.credential());

        Map<String, Object> noContext = new LinkedHashMap<>(credential(ISSUER, NOW.minusSeconds(5), null, null));
        noContext.put("@context", List.of("https://www.w3.org/2018/credentials/v1"));
        Verification v1 = verifier().verify(sign(noContext));
        assertFalse(v1.verified());
        assertFalse(check(v1, "data-model").ok());

        String plainJwt = new com.nimbusds.jose.JWSObject(new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.EdDSA)
            .keyID(ISSUER + "#issuer-1").build(), new com.nimbusds.jose.Payload(credential(ISSUER, NOW, null, null)))
            .getHeader().toBase64URL() + ".e30.AAAA";
        assertFalse(verifier().verify(plainJwt).verified());
    }

    @Test
    void anUnknownIssuerFailsTheSignatureCheck() {
        Map<String, Object> vc = credential("did:web:unknown.example", NOW.minusSeconds(5), null, null);
        String jwt = VcJwt.sign(vc, "did:web:unknown.example#k", JWSAlgorithm.EdDSA, JwsKeys.ed25519Signer(seed));
        Verification v = verifier().verify(jwt);
        assertFalse(v.verified());
        assertTrue(check(v, "signature").detail().contains("could not be resolved"));
    }

    @Test
    void statusEntriesMustBeBitstringEntries() {
        Map<String, Object> vc = new LinkedHashMap<>(credential(ISSUER, NOW.minusSeconds(5), null, null));
        List<Object> status = new ArrayList<>();
        status.add(Map.of("type", "StatusList2021Entry", "statusListIndex", "1", "statusListCredential", LIST_URL));
        vc.put("credentialStatus", status);
        assertFalse(verifier().verify(sign(vc)).verified());
    }
}
