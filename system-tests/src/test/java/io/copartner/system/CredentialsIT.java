package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifiable credentials end to end: an admin issues, anyone verifies (also by hand, from the DID document and
 * the status list alone), the admin revokes, verification then fails on the status; roles and idempotency hold.
 */
@ExtendWith(PlatformExtension.class)
class CredentialsIT {

    static final String PROBLEM = "application/problem+json";
    static final String LICENCE = "91310000MA1FL0001X";

    static String admin() {
        return Tokens.password("admin", "admin");
    }

    static JsonPath issueMerchantVerification(String token, String merchantId, String idempotencyKey) {
        var request = given().auth().oauth2(token).contentType("application/json")
            .body(Map.of("merchantId", merchantId, "businessLicenceNumber", LICENCE, "verifiedBy", "Copartner compliance"));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/v1/credentials/merchant-verification")
            .then().statusCode(201).contentType(startsWith("application/json")).extract().jsonPath();
    }

    static JsonPath verify(String jwt) {
        return given().contentType("application/json").body(Map.of("credential", jwt))
            .when().post("/api/v1/credentials/verify")
            .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void issueVerifyRevokeAndVerifyAgain() throws Exception {
        String platformDid = DidResolutionIT.platformDid();
        String merchant = "m-" + System.nanoTime();
        JsonPath issued = issueMerchantVerification(admin(), merchant, UUID.randomUUID().toString());
        String jwt = issued.getString("jwt");
        String id = issued.getString("id");
        assertTrue(id.startsWith("urn:uuid:"), id);
        assertEquals("MerchantVerification", issued.getString("type"));
        assertEquals(List.of("https://www.w3.org/ns/credentials/v2", contextUrl()), issued.getList("credential.@context"));
        assertEquals(List.of("VerifiableCredential", "MerchantVerification"), issued.getList("credential.type"));
        assertEquals(platformDid, issued.getString("credential.issuer"));
        assertEquals(platformDid + ":merchants:" + merchant, issued.getString("credential.credentialSubject.id"));
        assertEquals(LICENCE, issued.getString("credential.credentialSubject.businessLicenceNumber"));
        assertEquals("Copartner compliance", issued.getString("credential.credentialSubject.verifiedBy"));
        assertEquals("BitstringStatusListEntry", issued.getString("credential.credentialStatus.type"));
        assertEquals("revocation", issued.getString("credential.credentialStatus.statusPurpose"));
        String statusUrl = issued.getString("credential.credentialStatus.statusListCredential");
        int index = Integer.parseInt(issued.getString("credential.credentialStatus.statusListIndex"));

        Map<String, Object> header = json(part(jwt, 0));
        assertEquals("vc+jwt", header.get("typ"));
        assertEquals("EdDSA", header.get("alg"));
        String kid = (String) header.get("kid");
        assertTrue(kid.startsWith(platformDid + "#issuer-"), kid);
        assertTrue(verifiesWithDidDocument(jwt, platformDid, kid), "the signature verifies with the key in the DID document");

        JsonPath ok = verify(jwt);
        assertEquals(true, ok.getBoolean("verified"), ok.prettify());
        assertEquals(List.of("format", "data-model", "issuer", "signature", "validity", "status"), ok.getList("checks.check"));
        assertEquals(id, ok.getString("credential.id"));
        assertFalse(bit(statusUrl, index), "not revoked yet");

        given().auth().oauth2(admin()).contentType("application/json").body(Map.of("reason", "licence withdrawn"))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .when().post("/api/v1/credentials/{id}/revocation", id)
            .then().statusCode(200)
            .body("id", equalTo(id))
            .body("revoked", equalTo(true))
            .body("statusListIndex", equalTo(index));
        assertTrue(bit(statusUrl, index), "the status list has the bit set");

        JsonPath revoked = verify(jwt);
        assertEquals(false, revoked.getBoolean("verified"));
        Map<String, Object> status = revoked.getMap("checks.find { it.check == 'status' }");
        assertEquals(false, status.get("ok"));
        assertTrue(((String) status.get("detail")).startsWith("revoked"), status.toString());
        assertEquals(true, revoked.getMap("checks.find { it.check == 'signature' }").get("ok"));

        // revoking again changes nothing; the bare UUID works too
        given().auth().oauth2(admin()).contentType("application/json").body("{}")
            .when().post("/api/v1/credentials/{id}/revocation", id.substring("urn:uuid:".length()))
            .then().statusCode(200).body("revoked", equalTo(true));
    }

    @Test
    void issuanceAndRevocationAreAuditedWithoutPersonalData() {
        String merchant = "m-audit-" + System.nanoTime();
        JsonPath issued = issueMerchantVerification(admin(), merchant, null);
        String id = issued.getString("id");
        String subject = "credential:" + id.substring("urn:uuid:".length());
        given().auth().oauth2(admin()).contentType("application/json").body("{}")
            .when().post("/api/v1/credentials/{id}/revocation", id).then().statusCode(200);
        List<JsonPath> entries = Await.until(Duration.ofSeconds(30), () -> {
            long size = given().accept("application/json").get("/api/v1/audit/checkpoint").then().extract()
                .jsonPath().getLong("treeSize");
            List<JsonPath> found = new java.util.ArrayList<>();
            // Only the newest entries: ours were just written, and a log the suite has filled holds thousands, so a
            // poll that walked back to 0 one GET at a time (the sequencer not there yet) outlasted the await itself.
            for (long i = size - 1; i >= Math.max(0, size - 500) && found.size() < 2; i--) {
                JsonPath e = given().get("/api/v1/audit/entries/" + i).then().statusCode(200).extract().jsonPath();
                if (e.getString("canonical").contains("\"subject\":\"" + subject + "\"")) {
                    found.add(e);
                }
            }
            return found.size() == 2 ? found : null;
        });
        List<String> types = entries.stream().map(e -> e.getString("type")).toList();
        assertTrue(types.containsAll(List.of("identity.credential.issued", "identity.credential.revoked")), types.toString());
        for (JsonPath e : entries) {
            String canonical = e.getString("canonical");
            assertFalse(canonical.contains(LICENCE), canonical);
            assertFalse(canonical.contains(merchant), canonical);
        }
    }

    @Test
    void anIdempotencyKeyIssuesOnce() {
        String key = UUID.randomUUID().toString();
        String merchant = "m-idem-" + System.nanoTime();
        JsonPath first = issueMerchantVerification(admin(), merchant, key);
        JsonPath again = issueMerchantVerification(admin(), merchant, key);
        assertEquals(first.getString("id"), again.getString("id"));
        given().auth().oauth2(admin()).contentType("application/json").header("Idempotency-Key", key)
            .body(Map.of("verifiedBy", "Copartner compliance", "businessLicenceNumber", LICENCE, "merchantId", merchant))
            .when().post("/api/v1/credentials/merchant-verification")
            .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.getString("id")));
        assertEquals(first.getString("jwt"), again.getString("jwt"));
        given().auth().oauth2(admin()).contentType("application/json").header("Idempotency-Key", key)
            .body(Map.of("merchantId", merchant + "-other", "businessLicenceNumber", LICENCE))
            .when().post("/api/v1/credentials/merchant-verification")
            .then().statusCode(409).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
    }

    @Test
    void aPartnerMembershipForADidKeyVerifies() {
        String did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
        JsonPath issued = given().auth().oauth2(admin()).contentType("application/json")
            .body(Map.of("partnerDid", did, "partnerSince", "2026-01-15", "tier", "gold"))
            .when().post("/api/v1/credentials/partner-membership")
            .then().statusCode(201).extract().jsonPath();
        assertEquals(did, issued.getString("credential.credentialSubject.id"));
        assertEquals("2026-01-15", issued.getString("credential.credentialSubject.partnerSince"));
        assertEquals("gold", issued.getString("credential.credentialSubject.tier"));
        assertEquals(true, verify(issued.getString("jwt")).getBoolean("verified"));
        // the raw vc+jwt media type works as well
        given().contentType("application/vc+jwt").body(issued.getString("jwt").getBytes(StandardCharsets.US_ASCII))
            .when().post("/api/v1/credentials/verify")
            .then().statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void aTamperedCredentialDoesNotVerify() {
        JsonPath issued = issueMerchantVerification(admin(), "m-t-" + System.nanoTime(), null);
        String jwt = issued.getString("jwt");
        String[] parts = jwt.split("\\.");
        String payload = part(jwt, 1).replace(LICENCE, "91310000MA1FL0002X");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        JsonPath v = verify(forged);
        assertEquals(false, v.getBoolean("verified"));
        assertEquals(false, v.getMap("checks.find { it.check == 'signature' }").get("ok"));
        JsonPath garbage = verify("eyJhbGciOiJub25lIn0.e30.");
        assertEquals(false, garbage.getBoolean("verified"));
    }

    @Test
    void aRotatedIssuerKeyStillVerifiesWhatItSigned() {
        String platformDid = DidResolutionIT.platformDid();
        JsonPath before = issueMerchantVerification(admin(), "m-r-" + System.nanoTime(), null);
        String oldKid = (String) json(part(before.getString("jwt"), 0)).get("kid");
        JsonPath rotated = given().auth().oauth2(admin()).when().post("/api/v1/admin/dids/platform/issuer-key")
            .then().statusCode(200).extract().jsonPath();
        assertTrue(rotated.getList("retiredKeyIds").contains(oldKid), rotated.prettify());
        String newKid = rotated.getString("activeKeyId");
        assertNotEquals(oldKid, newKid);
        JsonPath doc = given().get("/.well-known/did.json").then().statusCode(200).extract().jsonPath();
        assertTrue(doc.getList("assertionMethod").contains(newKid));
        assertFalse(doc.getList("assertionMethod").contains(oldKid));
        assertTrue(doc.getList("verificationMethod.id").contains(oldKid), "the retired key is still published");

        assertEquals(true, verify(before.getString("jwt")).getBoolean("verified"), "signed before the rotation");
        JsonPath after = issueMerchantVerification(admin(), "m-r2-" + System.nanoTime(), null);
        assertEquals(newKid, json(part(after.getString("jwt"), 0)).get("kid"));
        JsonPath v = verify(after.getString("jwt"));
        assertEquals(true, v.getBoolean("verified"), v.prettify());
        assertTrue(newKid.startsWith(platformDid + "#issuer-"));
    }

    @Test
    void theStatusListIsASignedBitstringStatusListCredential() throws Exception {
        JsonPath issued = issueMerchantVerification(admin(), "m-s-" + System.nanoTime(), null);
        String url = issued.getString("statusListCredential");
        String jwt = given().when().get(url).then().statusCode(200).contentType(startsWith("application/vc+jwt"))
            .extract().asString();
        Map<String, Object> header = json(part(jwt, 0));
        assertEquals("vc+jwt", header.get("typ"));
        JsonPath list = JsonPath.from(part(jwt, 1));
        assertEquals(List.of("VerifiableCredential", "BitstringStatusListCredential"), list.getList("type"));
        assertEquals(url, list.getString("id"));
        assertEquals("revocation", list.getString("credentialSubject.statusPurpose"));
        assertEquals("BitstringStatusList", list.getString("credentialSubject.type"));
        byte[] bits = decodeList(list.getString("credentialSubject.encodedList"));
        assertTrue(bits.length * 8 >= 131_072, "at least 131072 entries");
        assertTrue(verifiesWithDidDocument(jwt, DidResolutionIT.platformDid(), (String) header.get("kid")));
        given().when().get("/api/v1/credentials/status/999999").then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void onlyAdminsIssueAndRevoke() {
        Map<String, String> body = Map.of("merchantId", "m-1", "businessLicenceNumber", LICENCE);
        given().auth().oauth2(Tokens.password("partner", "partner")).contentType("application/json").body(body)
            .when().post("/api/v1/credentials/merchant-verification")
            .then().statusCode(403).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/forbidden"));
        given().contentType("application/json").body(body)
            .when().post("/api/v1/credentials/merchant-verification")
            .then().statusCode(401).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/unauthorized"));
        given().auth().oauth2(Tokens.password("merchant", "merchant")).contentType("application/json")
            .body(Map.of("partnerDid", "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "partnerSince",
                "2026-01-15", "tier", "gold"))
            .when().post("/api/v1/credentials/partner-membership")
            .then().statusCode(403);
        given().auth().oauth2(Tokens.password("partner", "partner")).contentType("application/json").body("{}")
            .when().post("/api/v1/credentials/{id}/revocation", UUID.randomUUID().toString())
            .then().statusCode(403);
        given().contentType("application/json").body("{}")
            .when().post("/api/v1/credentials/{id}/revocation", UUID.randomUUID().toString())
            .then().statusCode(401);
    }

    @Test
    void badIssuanceRequestsAre400AndUnknownCredentials404() {
        given().auth().oauth2(admin()).contentType("application/json")
            .body(Map.of("merchantId", "m 1", "businessLicenceNumber", LICENCE))
            .when().post("/api/v1/credentials/merchant-verification")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().auth().oauth2(admin()).contentType("application/json")
            .body(Map.of("partnerDid", "did:key:abcd", "partnerSince", "2026-01-15", "tier", "gold"))
            .when().post("/api/v1/credentials/partner-membership")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().auth().oauth2(admin()).contentType("application/json")
            .body(Map.of("partnerDid", "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "tier", "gold"))
            .when().post("/api/v1/credentials/partner-membership")
            .then().statusCode(400).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/validation"));
        given().auth().oauth2(admin()).contentType("application/json").body("{}")
            .when().post("/api/v1/credentials/{id}/revocation", UUID.randomUUID().toString())
            .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().contentType("application/json").body("{}")
            .when().post("/api/v1/credentials/verify")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
    }

    @Test
    void verificationNeedsNoToken() {
        JsonPath issued = issueMerchantVerification(admin(), "m-v-" + System.nanoTime(), null);
        given().contentType("application/json").body(Map.of("credential", issued.getString("jwt")))
            .when().post("/api/v1/credentials/verify")
            .then().statusCode(200)
            .body("verified", equalTo(true))
            .body("checks.ok", everyItem(equalTo(true)));
    }

    @Test
    void theServedContextDefinesWhatCredentialsName() {
        JsonPath issued = issueMerchantVerification(admin(), "m-ctx-" + System.nanoTime(), null);
        List<String> contexts = issued.getList("credential.@context");
        assertEquals("https://www.w3.org/ns/credentials/v2", contexts.get(0));
        assertEquals(contextUrl(), contexts.get(1));
        var response = given().when().get(contexts.get(1)).then().statusCode(200)
            .contentType(startsWith("application/ld+json"))
            .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age="))
            .extract();
        JsonPath context = JsonPath.from(response.asString());
        assertEquals(true, context.getBoolean("'@context'.'@protected'"));
        Map<String, Object> terms = context.getMap("'@context'");
        java.util.Set<String> used = new java.util.HashSet<>(issued.<String, Object>getMap("credential.credentialSubject").keySet());
        used.remove("id");
        used.add(issued.getList("credential.type", String.class).get(1));
        JsonPath membership = given().auth().oauth2(admin()).contentType("application/json")
            .body(Map.of("partnerDid", DidResolutionIT.ED_DID, "partnerSince", "2026-01-15", "tier", "gold"))
            .when().post("/api/v1/credentials/partner-membership").then().statusCode(201).extract().jsonPath();
        used.addAll(membership.<String, Object>getMap("credential.credentialSubject").keySet());
        used.remove("id");
        used.add("PartnerMembership");
        for (String term : used) {
            Object def = terms.get(term);
            assertTrue(def != null, term + " is defined by the served context");
            String iri = def instanceof Map<?, ?> m ? (String) m.get("@id") : (String) def;
            assertTrue(iri.startsWith("https://copartner.io/ns/credentials#"), term + " -> " + iri);
        }
        assertEquals(true, verify(membership.getString("jwt")).getBoolean("verified"));
    }

    @Test
    void revokingAnSdJwtMembershipFlipsBothStatusListsAndVerifyReportsIt() throws Exception {
        String partner = Tokens.password("partner", "partner");
        JsonPath issued = given().auth().oauth2(partner).when().post("/api/v1/me/credentials/membership-sd-jwt")
            .then().statusCode(201).extract().jsonPath();
        String id = issued.getString("id");
        String sdJwt = issued.getString("sdJwt");
        String tokenUrl = issued.getString("statusList");
        int index = issued.getInt("statusListIndex");
        JsonPath payload = JsonPath.from(part(sdJwt.substring(0, sdJwt.indexOf('~')), 1));
        assertEquals(index, payload.getInt("status.status_list.idx"));
        assertEquals(tokenUrl, payload.getString("status.status_list.uri"));
        JsonPath before = verify(sdJwt);
        assertEquals(true, before.getBoolean("verified"), before.prettify());
        assertEquals(true, before.getMap("checks.find { it.check == 'status' }").get("ok"));
        assertFalse(tokenBit(tokenUrl, index), "not revoked yet");

        JsonPath revocation = given().auth().oauth2(admin()).contentType("application/json").body("{}")
            .when().post("/api/v1/credentials/{id}/revocation", id)
            .then().statusCode(200).body("revoked", equalTo(true)).body("statusListIndex", equalTo(index))
            .extract().jsonPath();
        assertEquals(tokenUrl, revocation.getString("tokenStatusList"));
        assertTrue(tokenBit(tokenUrl, index), "the Token Status List entry is INVALID");
        assertTrue(bit(revocation.getString("statusListCredential"), index), "the Bitstring Status List bit is set");

        JsonPath after = verify(sdJwt);
        assertEquals(false, after.getBoolean("verified"));
        Map<String, Object> status = after.getMap("checks.find { it.check == 'status' }");
        assertEquals(false, status.get("ok"));
        assertTrue(((String) status.get("detail")).startsWith("revoked"), status.toString());
        assertEquals(true, after.getMap("checks.find { it.check == 'signature' }").get("ok"));
    }

    static String contextUrl() {
        return PlatformExtension.settings().baseUrl() + "/ns/credentials/v1";
    }

    /** Entry {@code index} of a Token Status List, read by hand: JWT payload, base64url, ZLIB, LSB-first bits. */
    static boolean tokenBit(String url, int index) throws Exception {
        var response = given().get(url).then().statusCode(200).contentType(startsWith("application/statuslist+jwt"))
            .extract();
        String jwt = response.asString();
        assertEquals("statuslist+jwt", json(part(jwt, 0)).get("typ"));
        assertTrue(verifiesWithDidDocument(jwt, DidResolutionIT.platformDid(), (String) json(part(jwt, 0)).get("kid")));
        JsonPath claims = JsonPath.from(part(jwt, 1));
        assertEquals(url, claims.getString("sub"));
        assertEquals(1, claims.getInt("status_list.bits"));
        assertTrue(claims.getLong("exp") > claims.getLong("iat"));
        assertTrue(claims.getLong("ttl") > 0);
        byte[] zlib = Base64.getUrlDecoder().decode(claims.getString("status_list.lst"));
        byte[] bytes;
        try (var in = new java.util.zip.InflaterInputStream(new ByteArrayInputStream(zlib))) {
            bytes = in.readAllBytes();
        }
        return ((bytes[index / 8] >> (index % 8)) & 1) == 1;
    }

    // --- a third party's view: only the DID document, the JWS and the status list ---

    static boolean verifiesWithDidDocument(String jwt, String did, String kid) throws Exception {
        JsonPath doc = given().get("/api/v1/dids/{did}", did).then().statusCode(200).extract().jsonPath();
        Map<String, Object> vm = doc.getMap("verificationMethod.find { it.id == '" + kid + "' }");
        assertEquals("JsonWebKey", vm.get("type"));
        Map<?, ?> jwk = (Map<?, ?>) vm.get("publicKeyJwk");
        assertEquals("OKP", jwk.get("kty"));
        assertEquals("Ed25519", jwk.get("crv"));
        byte[] raw = Base64.getUrlDecoder().decode((String) jwk.get("x"));
        var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
            concat(HexFormat.of().parseHex("302a300506032b6570032100"), raw)));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        String[] parts = jwt.split("\\.");
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    static boolean bit(String statusUrl, int index) throws Exception {
        String jwt = given().get(statusUrl).then().statusCode(200).extract().asString();
        byte[] bits = decodeList(JsonPath.from(part(jwt, 1)).getString("credentialSubject.encodedList"));
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    static byte[] decodeList(String encodedList) throws Exception {
        assertTrue(encodedList.startsWith("u"), "multibase base64url");
        byte[] gz = Base64.getUrlDecoder().decode(encodedList.substring(1));
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static String part(String jwt, int i) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]), StandardCharsets.UTF_8);
    }

    static Map<String, Object> json(String s) {
        return JsonPath.from(s).getMap("");
    }

    static byte[] base58(String s) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        BigInteger n = BigInteger.ZERO;
        for (char c : s.toCharArray()) {
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(alphabet.indexOf(c)));
        }
        byte[] b = n.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
