package io.copartner.governance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.kernel.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pinned hashes, checked against texts written out by hand here (not by the code under test). */
class HashesTest {

    static String sha256Hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void snapshotHashIsTheSha256OfTheCanonicalWeightsObjectWithoutIt() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00.123456Z");
        WeightSnapshot s = new WeightSnapshot(WeightStrategy.CAPPED_CONTRIBUTION, at, List.of(
            new WeightSnapshot.VoterWeight("did:key:zB", 900, 12_500, 1125),
            new WeightSnapshot.VoterWeight("did:key:zA", 3, 10_000, 3)),
            List.of(new WeightSnapshot.StatementInForce("h.p.s", Instant.parse("2026-12-01T09:00:00Z"),
                new DelegationClaims("did:key:zA", List.of(new DelegationClaims.Share("did:key:zB", 5000)),
                    EnumSet.allOf(ProposalKind.class), 0, "n"))));
        // As a third party receives it, members in any order and spaced out:
        String served = WeightSnapshot.served(s.canonicalJson(), s.hash());
        String byHand = """
            { "voters": [ {"weight":"3","voter":"did:key:zA","tierBps":10000,"base":"3"},
                          {"voter":"did:key:zB","base":"900","tierBps":12500,"weight":"1125"} ],
              "totalEligibleWeight": "1128", "strategy": "CAPPED_CONTRIBUTION",
              "snapshotAt": "2026-12-01T10:00:00.123456Z",
              "delegations": [ {"statement":"h.p.s","receivedAt":"2026-12-01T09:00:00Z"} ] }""";
        String expected = sha256Hex(CanonicalJson.canonicalize(byHand));
        assertEquals(expected, s.hash());
        assertEquals("{\"delegations\":[{\"receivedAt\":\"2026-12-01T09:00:00Z\",\"statement\":\"h.p.s\"}],"
            + "\"snapshotAt\":\"2026-12-01T10:00:00.123456Z\",\"strategy\":\"CAPPED_CONTRIBUTION\","
            + "\"totalEligibleWeight\":\"1128\",\"voters\":[{\"base\":\"3\",\"tierBps\":10000,\"voter\":\"did:key:zA\","
            + "\"weight\":\"3\"},{\"base\":\"900\",\"tierBps\":12500,\"voter\":\"did:key:zB\",\"weight\":\"1125\"}]}",
            s.canonicalJson());
        assertEquals("{\"snapshotHash\":\"" + expected + "\"," + s.canonicalJson().substring(1), served);
    }

    @Test
    void ballotsHashIsTheSha256OfTheCanonicalArrayOfJwsInReceiveOrder() throws Exception {
        List<String> jws = List.of("eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln", "x.y.z", "a-b_c.d.e");
        BallotsHash h = new BallotsHash();
        jws.forEach(h::add);
        assertEquals(sha256Hex("[\"eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln\",\"x.y.z\",\"a-b_c.d.e\"]"), h.hex());
        assertEquals(sha256Hex("[]"), new BallotsHash().hex());
        // a string that would need escaping goes through the canonicalizer
        assertEquals(sha256Hex(CanonicalJson.canonicalize("[\"a\\\"b\"]")), new BallotsHash().add("a\"b").hex());
        // beyond ASCII: UTF-8 as RFC 8785 has it, never a byte cut down to base64url ('\u0141' ends in 0x41, 'A')
        assertEquals(sha256Hex("[\"x\u0141.y\",\"\u00e9.z\"]"), new BallotsHash().add("x\u0141.y").add("\u00e9.z").hex());
        // the bytes the database holds (UTF-8) hash as the strings do
        assertEquals(sha256Hex("[\"x\u0141.y\",\"a.b.c\",\"\u00e9.z\"]"), new BallotsHash()
            .add("x\u0141.y".getBytes(StandardCharsets.UTF_8)).add("a.b.c".getBytes(StandardCharsets.US_ASCII))
            .add("\u00e9.z".getBytes(StandardCharsets.UTF_8)).hex());
    }
}
