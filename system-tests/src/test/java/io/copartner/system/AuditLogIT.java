package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pinned audit contract, checked the way a third party would: from the DID document, the API and the chain. */
@ExtendWith(PlatformExtension.class)
class AuditLogIT {

    static final String PROBLEM = "application/problem+json";

    @Test
    void theDidDocumentPublishesTheCheckpointKeyAndTheNoteVerifiesWithIt() throws Exception {
        JsonPath did = given().when().get("/.well-known/did.json").then().statusCode(200).extract().jsonPath();
        assertEquals("did:web:127.0.0.1%3A" + PlatformExtension.settings().httpPort(), did.getString("id"));
        Map<String, String> jwk = did.getMap("verificationMethod[0].publicKeyJwk");
        assertEquals("OKP", jwk.get("kty"));
        assertEquals("Ed25519", jwk.get("crv"));
        byte[] raw = Base64.getUrlDecoder().decode(jwk.get("x"));

        JsonPath cp = awaitCheckpoint(2);
        String note = given().accept("text/plain").when().get("/api/v1/audit/checkpoint")
            .then().statusCode(200).extract().asString();
        String[] parts = note.split("\n\n", 2);
        String body = parts[0] + "\n";
        String[] bodyLines = parts[0].split("\n");
        assertEquals(cp.getString("origin"), bodyLines[0]);
        assertTrue(Long.parseLong(bodyLines[1]) >= 2);
        String sigLine = parts[1].lines().filter(l -> l.startsWith("\u2014 " + bodyLines[0] + " ")).findFirst()
            .orElseThrow();
        byte[] sig = Base64.getDecoder().decode(sigLine.substring(sigLine.lastIndexOf(' ') + 1));
        assertEquals(68, sig.length, "4-byte key id + 64-byte Ed25519 signature");
        byte[] keyId = Arrays.copyOf(sha256(concat(bodyLines[0].getBytes(StandardCharsets.UTF_8),
            new byte[] {0x0A, 0x01}, raw)), 4);
        assertArrayEquals(keyId, Arrays.copyOf(sig, 4), "C2SP key id");
        assertTrue(ed25519(raw, body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(sig, 4, 68)),
            "checkpoint signature verifies with the DID key");
        byte[] tampered = body.replace("\n" + bodyLines[1] + "\n", "\n" + (Long.parseLong(bodyLines[1]) + 1) + "\n")
            .getBytes(StandardCharsets.UTF_8);
        assertTrue(!ed25519(raw, tampered, Arrays.copyOfRange(sig, 4, 68)), "a changed size does not verify");
    }

    @Test
    void entriesHashToTheirLeavesAndTheirInclusionProofsLeadToTheSignedRoot() {
        JsonPath cp = awaitCheckpoint(2);
        long size = cp.getLong("treeSize");
        byte[] root = HexFormat.of().parseHex(cp.getString("rootHash"));
        // Every leaf of a small log; otherwise the edges and a spread of 100 in between.
        java.util.SortedSet<Long> indexes = new java.util.TreeSet<>(List.of(0L, size - 1));
        java.util.Random random = new java.util.Random(size);
        while (indexes.size() < Math.min(size, 100)) {
            indexes.add((long) random.nextInt((int) Math.min(size, Integer.MAX_VALUE)));
        }
        for (long i : indexes) {
            JsonPath e = given().when().get("/api/v1/audit/entries/" + i).then().statusCode(200)
                .body("index", equalTo((int) i)).extract().jsonPath();
            byte[] leaf = sha256(concat(new byte[] {0}, e.getString("canonical").getBytes(StandardCharsets.UTF_8)));
            assertEquals(HexFormat.of().formatHex(leaf), e.getString("leafHash"));
            List<String> path = given().queryParam("index", i).queryParam("treeSize", size)
                .when().get("/api/v1/audit/proofs/inclusion").then().statusCode(200)
                .body("leafIndex", equalTo((int) i)).body("treeSize", equalTo((int) size))
                .extract().jsonPath().getList("hashes");
            assertArrayEquals(root, rootFromInclusion(i, size, leaf, path), "inclusion of leaf " + i);
        }
    }

    @Test
    void theFirstEntriesAreThePlatformsStartUpFacts() {
        awaitCheckpoint(2);
        List<String> types = List.of(
            given().get("/api/v1/audit/entries/0").then().extract().path("type"),
            given().get("/api/v1/audit/entries/1").then().extract().path("type"));
        assertTrue(types.contains("platform.checkpoint-key.published"), types.toString());
        assertTrue(types.contains("platform.anchor-contract.adopted"), types.toString());
    }

    @Test
    void aCheckpointIsAnchoredOnChainWithItsRoot() {
        awaitCheckpoint(2);
        JsonPath anchor = Await.until(Duration.ofSeconds(30), () -> {
            JsonPath page = given().when().get("/api/v1/audit/anchors").then().statusCode(200).extract().jsonPath();
            return page.getList("items").isEmpty() ? null : page;
        });
        long size = anchor.getLong("items[0].treeSize");
        String root = anchor.getString("items[0].root");
        String contract = anchor.getString("items[0].contract");
        assertEquals(31337, anchor.getInt("items[0].chainId"));
        assertTrue(anchor.getLong("items[0].gasUsed") > 0);
        String rpc = PlatformExtension.settings().chainRpcUrl();
        // rootAt(uint64): selector + the size as a 32-byte word.
        String data = org.web3j.crypto.Hash.sha3String("rootAt(uint64)").substring(0, 10)
            + String.format("%064x", size);
        String onChain = ChainIT.rpc(rpc, "eth_call", "[{\"to\": \"" + contract + "\", \"data\": \"" + data
            + "\"}, \"latest\"]");
        assertEquals("0x" + root, onChain);
        JsonPath tx = new JsonPath(given().baseUri(rpc).contentType("application/json")
            .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getTransactionReceipt\",\"params\":[\""
                + anchor.getString("items[0].txHash") + "\"]}").post("/").asString());
        assertEquals("0x1", tx.getString("result.status"));
        assertEquals(anchor.getLong("items[0].blockNumber"), Long.decode(tx.getString("result.blockNumber")));
    }

    @Test
    void proofAndEntryErrorsAreProblemsNeverServerErrors() {
        long size = awaitCheckpoint(2).getLong("treeSize");
        given().get("/api/v1/audit/entries/" + (size + 1000)).then().statusCode(404).contentType(startsWith(PROBLEM));
        given().get("/api/v1/audit/entries/-1").then().statusCode(400).contentType(startsWith(PROBLEM));
        given().queryParam("index", size).queryParam("treeSize", size).get("/api/v1/audit/proofs/inclusion")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().queryParam("index", 0).queryParam("treeSize", size + 1000).get("/api/v1/audit/proofs/inclusion")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().get("/api/v1/audit/proofs/inclusion").then().statusCode(400).contentType(startsWith(PROBLEM));
        given().queryParam("from", 2).queryParam("to", 1).get("/api/v1/audit/proofs/consistency")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().queryParam("from", 0).queryParam("to", size + 1000).get("/api/v1/audit/proofs/consistency")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().queryParam("cursor", "x").get("/api/v1/audit/anchors")
            .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().queryParam("from", 1).queryParam("to", size).get("/api/v1/audit/proofs/consistency")
            .then().statusCode(200).body("hashes", org.hamcrest.Matchers.not(hasSize(0)));
    }

    @Test
    void theSelfCheckPassesOnAnUntouchedLog() {
        awaitCheckpoint(2);
        given().auth().oauth2(Tokens.password("auditor", "auditor")).when().get("/api/v1/audit/self-check")
            .then().statusCode(200).body("ok", equalTo(true)).body("problems", hasSize(0));
        given().auth().oauth2(Tokens.password("partner", "partner")).when().get("/api/v1/audit/self-check")
            .then().statusCode(403);
    }

    static JsonPath awaitCheckpoint(long minSize) {
        return Await.until(Duration.ofSeconds(30), () -> {
            JsonPath cp = given().accept("application/json").when().get("/api/v1/audit/checkpoint")
                .then().statusCode(200).body("rootHash", matchesPattern("[0-9a-f]{64}")).extract().jsonPath();
            return cp.getLong("treeSize") >= minSize ? cp : null;
        });
    }

    /** RFC 9162 §2.1.3.2, written here from the RFC so the test trusts nothing of the server's. */
    static byte[] rootFromInclusion(long index, long size, byte[] leaf, List<String> path) {
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (String h : path) {
            byte[] p = HexFormat.of().parseHex(h);
            if (sn == 0) {
                return new byte[0];
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = sha256(concat(new byte[] {1}, p, r));
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = sha256(concat(new byte[] {1}, r, p));
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : new byte[0];
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    static boolean ed25519(byte[] rawKey, byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                concat(HexFormat.of().parseHex("302a300506032b6570032100"), rawKey)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
