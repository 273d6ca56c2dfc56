package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Privacy: personal data apart from identifiers, erasure (crypto-shredding of the audit pseudonym) that leaves the
 * audit log verifiable, and PartnerMembership as an SD-JWT VC whose holder discloses only what it chooses.
 */
@ExtendWith(PlatformExtension.class)
class PrivacyIT {

    static final String PROBLEM = "application/problem+json";

    static String partner() {
        return Tokens.password("partner", "partner");
    }

    static long treeSize() {
        return given().accept("application/json").get("/api/v1/audit/checkpoint").then().statusCode(200)
            .extract().jsonPath().getLong("treeSize");
    }

    /**
     * The canonical text of this test's audit entries: those from leaf {@code from} on that were recorded at or after
     * {@code since}, once an entry of type {@code last} follows one of type {@code first} among them. Entries of
     * earlier tests may still be integrating when {@code from} is read; they were recorded before {@code since} (the
     * tests run one after the other, on this machine's one clock), so the time tells them apart.
     */
    static List<String> ownEntriesUntil(long from, Instant since, String first, String last) {
        return Await.until(Duration.ofSeconds(30), () -> {
            long size = treeSize();
            List<String> texts = new ArrayList<>();
            boolean sawFirst = false;
            boolean found = false;
            for (long i = from; i < size && !found; i++) {
                JsonPath e = given().get("/api/v1/audit/entries/" + i).then().statusCode(200).extract().jsonPath();
                if (Instant.parse(e.getString("time")).isBefore(since)) {
                    continue;
                }
                texts.add(e.getString("canonical"));
                sawFirst |= first.equals(e.getString("type"));
                found = sawFirst && last.equals(e.getString("type"));
            }
            return found ? texts : null;
        });
    }

    @Test
    void personalDataIsStoredReadErasedAndNeverAudited() throws Exception {
        String token = partner();
        String subject = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("subject");
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String name = "Mei Chen-" + suffix;
        String phone = "+86 21 " + suffix;
        String address = "88 Century Avenue " + suffix + ", Shanghai";
        long before = treeSize();
        Instant since = Instant.now();

        given().auth().oauth2(token).contentType("application/json").body(Map.of("name", name, "phone", " ", "address", address))
            .when().put("/api/v1/me/personal-data")
            .then().statusCode(400).contentType(startsWith(PROBLEM))
            .body("type", equalTo("https://copartner.io/problems/validation"))
            .body("errors.field", hasItem("phone"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("name", name, "phone", "call me", "address", address))
            .when().put("/api/v1/me/personal-data").then().statusCode(400).body("errors.field", hasItem("phone"));

        given().auth().oauth2(token).contentType("application/json").body(Map.of("name", name, "phone", phone, "address", address))
            .when().put("/api/v1/me/personal-data")
            .then().statusCode(200).body("name", equalTo(name)).body("phone", equalTo(phone));
        given().auth().oauth2(token).get("/api/v1/me/personal-data")
            .then().statusCode(200).body("name", equalTo(name)).body("phone", equalTo(phone)).body("address", equalTo(address));

        given().auth().oauth2(token).delete("/api/v1/me/personal-data").then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/me/personal-data")
            .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(token).delete("/api/v1/me/personal-data").then().statusCode(404);

        List<String> entries = ownEntriesUntil(before, since, "identity.personal-data.stored",
            "identity.personal-data.erased");
        assertTrue(entries.stream().anyMatch(e -> e.contains("identity.personal-data.stored")), entries.toString());
        for (String e : entries) {
            assertFalse(e.contains(suffix), "personal data in the audit log: " + e);
            assertFalse(e.contains("Mei Chen"), e);
            assertFalse(e.contains(subject), "the party id in the audit log: " + e);
        }
        String erased = entries.get(entries.size() - 1);
        assertTrue(erased.matches(".*\"partyHash\":\"[0-9a-f]{64}\".*"), erased);

        given().auth().oauth2(Tokens.password("auditor", "auditor")).get("/api/v1/audit/self-check")
            .then().statusCode(200).body("ok", equalTo(true));
        Path state = Files.createTempDirectory("verifier-privacy").resolve("state.json");
        VerifierCli.Result result = VerifierCli.run(state, "--samples", Long.toString(treeSize()));
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void sdJwtPresentationDisclosesOnlyWhatTheHolderChooses() throws Exception {
        String token = partner();
        String name = "Lin Wei-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        given().auth().oauth2(token).contentType("application/json")
            .body(Map.of("name", name, "phone", "+86 10 5555 0199", "address", "1 Chang'an Avenue, Beijing"))
            .when().put("/api/v1/me/personal-data").then().statusCode(200);
        try {
            JsonPath issued = given().auth().oauth2(token).when().post("/api/v1/me/credentials/membership-sd-jwt")
                .then().statusCode(201).contentType(startsWith("application/json"))
                .body("vct", equalTo("https://copartner.io/credentials/PartnerMembership"))
                .extract().jsonPath();
            String sdJwt = issued.getString("sdJwt");
            assertTrue(sdJwt.endsWith("~"));
            assertEquals(Set.of("partnerSince", "tier", "name"), Set.copyOf(issued.getList("disclosures.claim", String.class)));
            String jwt = sdJwt.substring(0, sdJwt.indexOf('~'));
            assertFalse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8).contains(name),
                "the name must be only in its disclosure");

            JsonPath all = verify(sdJwt);
            assertTrue(all.getBoolean("verified"), all.prettify());
            assertEquals(name, all.getString("credential.name"));

            String tierOnly = Holder.present(sdJwt, Set.of("tier"));
            String body = given().contentType("application/json").body(Map.of("credential", tierOnly))
                .when().post("/api/v1/credentials/verify").then().statusCode(200).extract().asString();
            JsonPath v = JsonPath.from(body);
            assertTrue(v.getBoolean("verified"), body);
            assertEquals("member", v.getString("credential.tier"));
            assertNull(v.get("credential.name"));
            assertNull(v.get("credential.partnerSince"));
            assertFalse(body.contains(name), body);
            assertNotNull(v.get("credential.iss"));

            // raw media type works too
            given().contentType("application/dc+sd-jwt").body(tierOnly.getBytes(StandardCharsets.US_ASCII)).when().post("/api/v1/credentials/verify")
                .then().statusCode(200).body("verified", equalTo(true));

            // a forged disclosure: same salt, claim tier, another value
            String tierDisclosure = issued.getList("disclosures", Map.class).stream()
                .filter(d -> "tier".equals(d.get("claim"))).map(d -> (String) d.get("disclosure")).findFirst().orElseThrow();
            String salt = Holder.decode(tierDisclosure).get(0).toString();
            String forged = b64("[\"" + salt + "\",\"tier\",\"platinum\"]");
            JsonPath tampered = verify(jwt + "~" + forged + "~");
            assertFalse(tampered.getBoolean("verified"));
            assertTrue(tampered.getList("checks", Map.class).stream()
                .anyMatch(c -> "disclosures".equals(c.get("check")) && Boolean.FALSE.equals(c.get("ok"))), tampered.prettify());
            assertNull(tampered.get("credential.tier"));
            // a repeated disclosure
            assertFalse(verify(jwt + "~" + tierDisclosure + "~" + tierDisclosure + "~").getBoolean("verified"));
            assertEquals(Holder.digest(tierDisclosure), issued.getList("disclosures", Map.class).stream()
                .filter(d -> "tier".equals(d.get("claim"))).map(d -> d.get("digest")).findFirst().orElseThrow());
        } finally {
            given().auth().oauth2(token).delete("/api/v1/me/personal-data");
        }
    }

    @Test
    void aDidPartnersSdJwtIsBoundToItsKeyAndPresentedWithAKeyBindingJwt() throws Exception {
        DidWallet wallet = DidWallet.create(DidWallet.Type.ED25519);
        String token = DidSignInIT.token(DidSignInIT.assertion(wallet, DidSignInIT.nonce()))
            .then().statusCode(200).extract().path("access_token");
        String sdJwt = given().auth().oauth2(token).when().post("/api/v1/me/credentials/membership-sd-jwt")
            .then().statusCode(201).extract().path("sdJwt");
        JsonPath payload = JsonPath.from(new String(Base64.getUrlDecoder().decode(
            sdJwt.substring(0, sdJwt.indexOf('~')).split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(wallet.did, payload.getString("sub"));
        assertEquals("OKP", payload.getString("cnf.jwk.kty"));
        assertEquals("Ed25519", payload.getString("cnf.jwk.crv"));

        String tierOnly = Holder.present(sdJwt, Set.of("tier"));
        String audience = "https://shop.example";
        String nonce = "n-" + ThreadLocalRandom.current().nextLong(1L << 40);
        String bound = tierOnly + wallet.signKeyBinding(Holder.keyBinding(tierOnly, audience, nonce));
        JsonPath ok = verify(bound, audience, nonce);
        assertTrue(ok.getBoolean("verified"), ok.prettify());
        assertEquals("member", ok.getString("credential.tier"));
        assertTrue(check(ok, "key-binding").get("detail").toString().contains(wallet.did));

        JsonPath replayed = verify(bound, audience, "another-nonce");
        assertFalse(replayed.getBoolean("verified"));
        assertEquals(false, check(replayed, "key-binding").get("ok"));
        JsonPath unbound = verify(tierOnly, audience, nonce);
        assertFalse(unbound.getBoolean("verified"), "a nonce was asked for, no KB-JWT given");
        DidWallet thief = DidWallet.create(DidWallet.Type.ED25519);
        String stolen = tierOnly + thief.signKeyBinding(Holder.keyBinding(tierOnly, audience, nonce));
        assertFalse(verify(stolen, audience, nonce).getBoolean("verified"), "presented by someone else's key");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> check(JsonPath verification, String name) {
        return verification.getList("checks", Map.class).stream().filter(c -> name.equals(c.get("check")))
            .findFirst().orElseThrow(() -> new AssertionError("no check " + name + ": " + verification.prettify()));
    }

    static JsonPath verify(String presentation, String audience, String nonce) {
        return given().contentType("application/json")
            .body(Map.of("credential", presentation, "audience", audience, "nonce", nonce))
            .when().post("/api/v1/credentials/verify").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void partnerEndpointsNeedAToken() {
        given().get("/api/v1/me/personal-data").then().statusCode(401).contentType(startsWith(PROBLEM));
        given().contentType("application/json").body(Map.of("name", "x", "phone", "+1 555", "address", "y"))
            .put("/api/v1/me/personal-data").then().statusCode(401).contentType(startsWith(PROBLEM));
        given().delete("/api/v1/me/personal-data").then().statusCode(401).contentType(startsWith(PROBLEM));
        given().post("/api/v1/me/credentials/membership-sd-jwt").then().statusCode(401).contentType(startsWith(PROBLEM));
        given().auth().oauth2(Tokens.password("auditor", "auditor")).get("/api/v1/me/personal-data")
            .then().statusCode(403).contentType(startsWith(PROBLEM));
        given().auth().oauth2(Tokens.password("merchant", "merchant")).post("/api/v1/me/credentials/membership-sd-jwt")
            .then().statusCode(403);
    }

    static JsonPath verify(String presentation) {
        return given().contentType("application/json").body(Map.of("credential", presentation))
            .when().post("/api/v1/credentials/verify").then().statusCode(200).extract().jsonPath();
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A minimal SD-JWT holder: keeps the issuer-signed JWT and the disclosures of the claims it chooses to show. */
    static final class Holder {

        static String present(String sdJwt, Set<String> claims) {
            String[] parts = sdJwt.split("~", -1);
            StringBuilder sb = new StringBuilder(parts[0]).append('~');
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].isEmpty() && claims.contains(String.valueOf(decode(parts[i]).get(1)))) {
                    sb.append(parts[i]).append('~');
                }
            }
            return sb.toString();
        }

        static List<Object> decode(String disclosure) {
            return JsonPath.from(new String(Base64.getUrlDecoder().decode(disclosure), StandardCharsets.UTF_8)).getList("$");
        }

        /** KB-JWT claims over {@code presentation} (which ends with '~'): iat, aud, nonce, sd_hash. */
        static String keyBinding(String presentation, String audience, String nonce) throws Exception {
            return "{\"iat\":" + Instant.now().getEpochSecond() + ",\"aud\":\"" + audience
                + "\",\"nonce\":\"" + nonce + "\",\"sd_hash\":\"" + digest(presentation) + "\"}";
        }

        static String digest(String disclosure) throws Exception {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        }
    }
}
