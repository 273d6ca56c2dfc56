package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A governance result in the audit log, checked as a third party would: entry, leaf, proof, signed checkpoint. */
final class GovernanceAudit {

    private GovernanceAudit() {
    }

    /** The entry's canonical JSON ({v, type, subject, time, payload}), its leaf hash checked. */
    static JsonNode entry(long index) {
        JsonPath e = given().when().get("/api/v1/audit/entries/" + index).then().statusCode(200).extract().jsonPath();
        String canonical = e.getString("canonical");
        byte[] leaf = leaf(canonical);
        assertEquals(HexFormat.of().formatHex(leaf), e.getString("leafHash"));
        JsonNode n = Jcs.parse(canonical);
        assertEquals(canonical, Jcs.canonical(n), "the entry is RFC 8785 canonical");
        return n;
    }

    /**
     * The tally's {@code governance.tally.final} entry carries exactly the final tally, and its inclusion proof leads
     * to the root of a checkpoint whose note verifies with the platform's DID key.
     */
    static void assertFinalTallyProven(String proposalId) {
        JsonPath tally = Await.until(Duration.ofSeconds(30), () -> {
            JsonPath t = Gov.tally(proposalId);
            return t.get("auditIndex") == null ? null : t;
        });
        long index = tally.getLong("auditIndex");
        JsonNode entry = entry(index);
        assertEquals("governance.tally.final", entry.get("type").asText());
        JsonNode payload = entry.get("payload");
        assertEquals(proposalId, payload.get("proposal").asText());
        for (String k : List.of("for", "against", "abstain", "totalEligibleWeight", "ballotsHash", "snapshotHash")) {
            assertEquals(tally.getString(k), payload.get(k).asText(), "governance.tally.final " + k);
        }
        assertEquals(tally.getBoolean("quorumReached"), payload.get("quorumReached").asBoolean());
        assertEquals(tally.getBoolean("succeeded"), payload.get("succeeded").asBoolean());

        // A signed checkpoint that covers the entry: verify the note first, then the proof to its root.
        String[] signed = Await.until(Duration.ofSeconds(30), () -> {
            String[] note = verifiedNote();
            return Long.parseLong(note[0]) > index ? note : null;
        });
        long size = Long.parseLong(signed[0]);
        byte[] root = Base64.getDecoder().decode(signed[1]);
        List<String> path = given().queryParam("index", index).queryParam("treeSize", size)
            .when().get("/api/v1/audit/proofs/inclusion").then().statusCode(200).extract().jsonPath().getList("hashes");
        String canonical = given().get("/api/v1/audit/entries/" + index).then().extract().path("canonical");
        assertArrayEquals(root, AuditLogIT.rootFromInclusion(index, size, leaf(canonical), path),
            "the governance.tally.final entry is included in the signed checkpoint");
    }

    /**
     * Each statement has its {@code governance.delegation.accepted} entry with the JWS's SHA-256, among the entries
     * sequenced since {@code fromIndex} (a size of the log before the statements were sent).
     */
    static void assertDelegationsAudited(long fromIndex, List<String> statements) {
        java.util.Set<String> missing = new java.util.HashSet<>();
        statements.forEach(s -> missing.add(DidJws.sha256OfAscii(s)));
        long[] next = {fromIndex};
        Await.until(Duration.ofSeconds(30), () -> {
            long size = AuditLogIT.awaitCheckpoint(0).getLong("treeSize");
            for (; next[0] < size && !missing.isEmpty(); next[0]++) {
                JsonNode e = entry(next[0]);
                if ("governance.delegation.accepted".equals(e.get("type").asText())) {
                    missing.remove(e.path("payload").path("jwsSha256").asText());
                }
            }
            return missing.isEmpty() ? Boolean.TRUE : null;
        });
    }

    /** The checkpoint note (C2SP signed note), its Ed25519 signature verified with the DID document's key. */
    static String[] verifiedNote() {
        JsonPath did = given().when().get("/.well-known/did.json").then().statusCode(200).extract().jsonPath();
        Map<String, String> jwk = did.getMap("verificationMethod[0].publicKeyJwk");
        byte[] key = Base64.getUrlDecoder().decode(jwk.get("x"));
        String note = given().accept("text/plain").when().get("/api/v1/audit/checkpoint")
            .then().statusCode(200).extract().asString();
        String[] parts = note.split("\n\n", 2);
        String[] lines = parts[0].split("\n");
        String sigLine = parts[1].lines().filter(l -> l.startsWith("\u2014 " + lines[0] + " ")).findFirst()
            .orElseThrow();
        byte[] sig = Base64.getDecoder().decode(sigLine.substring(sigLine.lastIndexOf(' ') + 1));
        assertTrue(AuditLogIT.ed25519(key, (parts[0] + "\n").getBytes(StandardCharsets.UTF_8),
            Arrays.copyOfRange(sig, 4, sig.length)), "the checkpoint note verifies with the DID key");
        return new String[] {lines[1], lines[2]};
    }

    private static byte[] leaf(String canonical) {
        return AuditLogIT.sha256(AuditLogIT.concat(new byte[] {0}, canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
