package io.copartner.system;

import static io.copartner.system.Gov.BASE;
import static io.copartner.system.Gov.Share;
import static io.copartner.system.Gov.cast;
import static io.copartner.system.Gov.delegate;
import static io.copartner.system.Gov.partner;
import static io.copartner.system.Gov.refused;
import static io.copartner.system.Gov.vote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.copartner.system.DidWallet.Type;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Governance black-box, against the pinned public contract: DID partners (Ed25519 and secp256k1) propose, vote,
 * change their vote, delegate and override; the live and the final tally; queue and execute after the timelock;
 * every refusal with its pinned status; and a third party's recomputation ({@link Recount}) equal to the platform's
 * tally, whose audit entry is proven into a signed checkpoint. The platform runs with a 2 s voting delay, a 20 s
 * period and a 3 s timelock (system-tests/pom.xml), and the tests run concurrently so their lifecycles overlap.
 */
@ExtendWith(PlatformExtension.class)
@Execution(ExecutionMode.CONCURRENT)
// Shares the platform with the ordinary classes that run meanwhile; waits for (and holds off) those that stop parts.
@ResourceLock(value = PlatformExtension.WHOLE_PLATFORM, mode = ResourceAccessMode.READ)
class GovernanceIT {

    @Test
    void aProposalRunsItsLifecycleWithSignedBallotsChangedVotesDelegationsAndOverrides() {
        Partner a = partner(Type.ED25519);
        Partner b = partner(Type.SECP256K1);
        Partner c = partner(Type.ED25519);
        Partner d = partner(Type.SECP256K1);
        Partner e = partner(Type.ED25519);
        Partner f = partner(Type.SECP256K1);
        Partner g = partner(Type.ED25519);
        Partner h = partner(Type.SECP256K1);
        // Statements in force at the snapshot: d gives all to a; e splits between b and c (floor(1 × 5000 / 10000)
        // = 0 each); f gives all to a but votes itself (override); h delegates to b, then revokes; g delegates only
        // for another kind.
        long logSizeBefore = AuditLogIT.awaitCheckpoint(0).getLong("treeSize");
        String dStatement = delegate(d, List.of("*"), new Share(a, 10000));
        String eStatement = delegate(e, List.of("GENERAL"), new Share(b, 5000), new Share(c, 5000));
        String fStatement = delegate(f, List.of("*"), new Share(a, 10000));
        String hFirst = delegate(h, List.of("*"), new Share(b, 10000));
        String hRevocation = delegate(h, List.of("*"));
        String gStatement = delegate(g, List.of("REVENUE_POLICY"), new Share(c, 10000));

        String key = "it-gov-" + UUID.randomUUID();
        String id = Gov.propose(Gov.adminToken(), "GENERAL", "Open the co-creation round", key)
            .then().statusCode(201)
            .body("kind", equalTo("GENERAL"))
            .body("title", equalTo("Open the co-creation round"))
            .extract().path("id");
        Gov.propose(Gov.adminToken(), "GENERAL", "Open the co-creation round", key)
            .then().statusCode(201).body("id", equalTo(id)); // a retry with the same key: the same proposal
        JsonPath p = Gov.proposal(id);
        assertEquals("GENERAL", p.getString("kind"));
        assertTrue(Set.of("PENDING", "ACTIVE").contains(p.getString("state")), p.getString("state"));
        assertEquals("ONE_MEMBER_ONE_VOTE", p.getString("strategy"));
        assertEquals(1000, p.getInt("quorumBps"));
        assertEquals(5000, p.getInt("thresholdBps"));
        assertEquals(p.getString("snapshotAt"), p.getString("votingStartsAt"));
        Instant start = Instant.parse(p.getString("votingStartsAt"));
        Instant end = Instant.parse(p.getString("votingEndsAt"));
        assertEquals(Duration.ofSeconds(20), Duration.between(start, end), "the seeded voting period");
        assertNotNull(p.get("author"));
        assertNull(p.get("eta"));
        assertNull(p.get("executedAt"));
        assertTrue(p.getMap("$").containsKey("eta") && p.getMap("$").containsKey("executedAt"),
            "absent instants are null, not missing");

        Gov.awaitState(id, "ACTIVE", 30);
        JsonNode weights = Jcs.parse(given().get(BASE + "/proposals/" + id + "/weights")
            .then().statusCode(200).extract().asString());
        assertEquals("ONE_MEMBER_ONE_VOTE", weights.get("strategy").asText());
        assertEquals(start, Instant.parse(weights.get("snapshotAt").asText()));
        Map<String, JsonNode> voters = new java.util.HashMap<>();
        weights.get("voters").forEach(v -> voters.put(v.get("voter").asText(), v));
        for (Partner x : List.of(a, b, c, d, e, f, g, h)) {
            JsonNode v = voters.get(x.did());
            assertNotNull(v, "a member before the snapshot is eligible: " + x.did());
            assertTrue(v.get("base").isTextual() && v.get("weight").isTextual(), "weights are strings: " + v);
            assertEquals("1", v.get("base").asText());
            assertEquals(10000, v.get("tierBps").asInt());
            assertEquals("1", v.get("weight").asText());
        }
        Set<String> statements = new java.util.HashSet<>();
        weights.get("delegations").forEach(s -> statements.add(s.get("statement").asText()));
        // The platform lists the statements in force at the snapshot that apply to the proposal's kind: g's (for
        // REVENUE_POLICY only) is left out of a GENERAL proposal's snapshot; the recount gives the same either way.
        assertTrue(statements.containsAll(List.of(dStatement, eStatement, fStatement)),
            "the statements in force at the snapshot, as received");
        assertFalse(statements.contains(gStatement), "a statement for another kind does not apply");
        assertFalse(statements.contains(hFirst), "a revoked statement is no longer in force");

        vote(a, id, "for", null);
        String bFirst = vote(b, id, "against", null).getString("ballotId");
        vote(b, id, "for", bFirst); // a changed vote replaces the earlier one
        vote(c, id, "abstain", null);
        vote(f, id, "for", null);   // overrides f's delegation to a
        vote(g, id, "for", null);
        vote(h, id, "against", null);

        // Live: a 1 + d 1 (f voted itself), b 1 (e's half rounds to 0, h revoked), c 1, f 1, g 1, h 1.
        JsonPath live = Gov.tally(id);
        assertFalse(live.getBoolean("final"));
        assertEquals("5", live.getString("for"));
        assertEquals("1", live.getString("against"));
        assertEquals("1", live.getString("abstain"));
        assertEquals(weights.get("totalEligibleWeight").asText(), live.getString("totalEligibleWeight"));
        assertSameAsRecount(Recount.of(id), live);
        List<Recount.Ballot> paged = Recount.ballots(id, 2);
        assertEquals(7, paged.size(), "every accepted ballot is listed, in pages of 2");
        assertEquals(List.of(a.did(), b.did(), b.did(), c.did(), f.did(), g.did(), h.did()),
            paged.stream().map(Recount.Ballot::voter).toList(), "in receive order");

        JsonPath fin = Gov.awaitFinalTally(id);
        refused(cast(a, id, Gov.ballot(a, id, "against")), 409); // after the end
        Recount.Result recount = Recount.of(id);
        assertSameAsRecount(recount, fin);
        assertEquals("5", fin.getString("for"));
        assertTrue(fin.getBoolean("quorumReached"), "6 of " + fin.getString("totalEligibleWeight")
            + " eligible is at least the 10 % quorum (more than 60 members would make this proposal fail)");
        assertTrue(fin.getBoolean("succeeded"));
        assertEquals(7, recount.ballots().size(), "the refused late ballot is not listed");
        Set<String> counted = recount.ballots().stream().filter(Recount.Ballot::counted)
            .map(Recount.Ballot::ballotId).collect(Collectors.toSet());
        assertEquals(recount.countedBallotIds(), counted, "counted is the last ballot per voter before the end");
        assertFalse(counted.contains(bFirst));
        Gov.awaitState(id, "SUCCEEDED", 10);

        // Queue (any member), execute after the timelock (idempotent), no cancel after execution.
        JsonPath queued = given().auth().oauth2(a.token()).contentType("application/json").body("{}")
            .when().post(BASE + "/proposals/" + id + "/queue")
            .then().statusCode(200).body("state", equalTo("QUEUED")).body("eta", notNullValue())
            .extract().jsonPath();
        Instant eta = Instant.parse(queued.getString("eta"));
        Instant sent = Instant.now();
        Response early = execute(b.token(), id);
        assertTrue(sent.isBefore(eta), "the execute call was sent before the eta (3 s timelock)");
        refused(early, 409);
        JsonPath executed = Await.until(Duration.ofSeconds(20), () -> {
            Response r = execute(b.token(), id);
            if (r.statusCode() == 409) {
                return null;
            }
            r.then().statusCode(200);
            return r.jsonPath();
        });
        assertEquals("EXECUTED", executed.getString("state"));
        assertFalse(Instant.parse(executed.getString("executedAt")).isBefore(eta));
        execute(Gov.adminToken(), id).then().statusCode(200) // double execution: the same, no second effect
            .body("state", equalTo("EXECUTED")).body("executedAt", equalTo(executed.getString("executedAt")));
        refused(given().auth().oauth2(Gov.adminToken()).contentType("application/json").body("{}")
            .when().post(BASE + "/proposals/" + id + "/cancel"), 409);

        // Every accepted ballot has its audit entry with the JWS's SHA-256; the final tally is proven.
        for (Recount.Ballot ballot : recount.ballots()) {
            long index = Await.until(Duration.ofSeconds(30), () -> Recount.ballots(id, 50).stream()
                .filter(x -> x.ballotId().equals(ballot.ballotId())).findFirst().orElseThrow().auditIndex());
            JsonNode entry = GovernanceAudit.entry(index);
            assertEquals("governance.ballot.accepted", entry.get("type").asText());
            assertEquals(DidJws.sha256OfAscii(ballot.jws()), entry.get("payload").get("jwsSha256").asText());
        }
        GovernanceAudit.assertFinalTallyProven(id);
        GovernanceAudit.assertDelegationsAudited(logSizeBefore,
            List.of(dStatement, eStatement, fStatement, hFirst, hRevocation, gStatement));
    }

    /**
     * Before the start: a ballot signed and sent at once (the delay is 2 s) is refused with 409. On a loaded machine the
     * request can reach the server after {@code votingStartsAt}; then the server was right to accept it (its
     * {@code receivedAt} says so, which is checked) and the attempt is repeated on a fresh proposal, at most three times.
     */
    private static String earlyBallotRefused(Partner v) {
        for (int attempt = 1; ; attempt++) {
            String id = Gov.proposeGeneral("Refusals " + attempt);
            Response tooEarly = cast(v, id, Gov.ballot(v, id, "for"));
            Instant startsAt = Instant.parse(Gov.proposal(id).getString("votingStartsAt"));
            if (tooEarly.statusCode() != 201 || attempt == 3) {
                refused(tooEarly, 409);
                return id;
            }
            Instant received = Instant.parse(tooEarly.jsonPath().getString("receivedAt"));
            assertFalse(received.isBefore(startsAt), "a ballot accepted before votingStartsAt: " + tooEarly.asString());
        }
    }

    @Test
    void refusedBallotsGetTheirPinnedProblemsAndAreNeitherCountedNorListed() {
        Partner v = partner(Type.SECP256K1);
        Partner w = partner(Type.ED25519);
        Partner thief = partner(Type.SECP256K1);
        String other = Gov.proposeGeneral("Refusals, the other proposal");
        Gov.ballot(v, other, "for"); // warms the signer up, so the early ballot below leaves well within the 2 s delay
        String id = earlyBallotRefused(v);

        Gov.awaitState(id, "ACTIVE", 30);
        Gov.awaitState(other, "ACTIVE", 30);
        Partner late = partner(Type.ED25519); // a member only after the snapshot
        long now = Instant.now().getEpochSecond();

        refused(cast(v, id, "not-a-jws"), 400);
        refused(cast(v, id, "eyJhbGciOiJFZERTQSJ9.e30.AAAA"), 400);
        refused(cast(v, id, sign(v, Gov.ballotPayload(id, "maybe", v.did(), now, Gov.nonce()))), 400);
        refused(cast(v, id, Gov.ballot(v, other, "for")), 400); // a ballot for another proposal
        refused(cast(v, id, sign(v, Gov.ballotPayload(id, "for", v.did(), now - 400, Gov.nonce()))), 400);
        // A forged signature: another key signs v's ballot under v's kid.
        refused(cast(v, id, thief.wallet().signTyped("copartner-ballot+jwt",
            Gov.ballotPayload(id, "for", v.did(), now, Gov.nonce()), v.wallet().kid())), 403);
        // Another key's kid: v signs, but names w's key.
        refused(cast(v, id, v.wallet().signTyped("copartner-ballot+jwt",
            Gov.ballotPayload(id, "for", v.did(), now, Gov.nonce()), w.wallet().kid())), 403);
        refused(cast(v, id, Gov.ballot(w, id, "against")), 403); // voter is not the token's DID
        refused(cast(late, id, Gov.ballot(late, id, "for")), 403); // not eligible

        String nonce = Gov.nonce();
        String valid = sign(v, Gov.ballotPayload(id, "for", v.did(), now, nonce));
        cast(v, id, valid).then().statusCode(201);
        refused(cast(v, id, valid), 409); // the same ballot again
        refused(cast(v, id, sign(v, Gov.ballotPayload(id, "against", v.did(), now, nonce))), 409);
        refused(cast(v, other, sign(v, Gov.ballotPayload(other, "for", v.did(), now, nonce))), 409);
        // Nonces are shared with delegation statements.
        String shared = Gov.nonce();
        String statement = w.wallet().signTyped("copartner-delegation+jwt",
            Gov.delegationPayload(w.did(), List.of(), List.of("*"), shared), w.wallet().kid());
        Gov.putDelegation(w, statement).then().statusCode(200);
        refused(cast(w, id, sign(w, Gov.ballotPayload(id, "against", w.did(), now, shared))), 409);
        refused(Gov.putDelegation(w, statement), 409);
        vote(w, id, "against", null);

        JsonPath live = Gov.tally(id);
        assertEquals("1", live.getString("for"));
        assertEquals("1", live.getString("against"));
        assertEquals("0", live.getString("abstain"));
        assertEquals(List.of(v.did(), w.did()), Recount.ballots(id, 10).stream().map(Recount.Ballot::voter).toList(),
            "only the accepted ballots are listed");

        JsonPath fin = Gov.awaitFinalTally(id);
        refused(cast(v, id, Gov.ballot(v, id, "against")), 409); // after the end
        Recount.Result recount = Recount.of(id);
        assertSameAsRecount(recount, fin);
        assertEquals(2, recount.ballots().size());
        assertTrue(recount.ballots().stream().allMatch(Recount.Ballot::counted));
        assertEquals("1", fin.getString("for"));
        assertEquals("1", fin.getString("against"));

        // The other proposal: no ballot at all, so no quorum: DEFEATED, and it cannot be queued.
        JsonPath none = Gov.awaitFinalTally(other);
        assertSameAsRecount(Recount.of(other), none);
        assertEquals("0", none.getString("for"));
        assertFalse(none.getBoolean("quorumReached"));
        assertFalse(none.getBoolean("succeeded"));
        Gov.awaitState(other, "DEFEATED", 10);
        refused(given().auth().oauth2(v.token()).contentType("application/json").body("{}")
            .when().post(BASE + "/proposals/" + other + "/queue"), 409);
    }

    @Test
    void aProposalIsCanceledByItsAuthorOrAnAdminAndThenTakesNoBallots() {
        Partner v = partner(Type.ED25519);
        String id = Gov.proposeGeneral("Canceled");
        given().auth().oauth2(Gov.adminToken()).contentType("application/json").body("{}")
            .when().post(BASE + "/proposals/" + id + "/cancel")
            .then().statusCode(200).body("id", equalTo(id)).body("state", equalTo("CANCELED"));
        refused(given().auth().oauth2(Gov.adminToken()).when().post(BASE + "/proposals/" + id + "/cancel"), 409);
        refused(cast(v, id, Gov.ballot(v, id, "for")), 409);
        refused(given().auth().oauth2(v.token()).when().post(BASE + "/proposals/" + id + "/execute"), 409);
        assertEquals(0, Recount.ballots(id, 10).size());
        // Proposing takes a token; reads do not.
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
            .body("{\"kind\":\"GENERAL\",\"title\":\"t\",\"description\":\"d\"}")
            .when().post(BASE + "/proposals").then().statusCode(401);
        JsonPath listed = given().queryParam("state", "CANCELED").queryParam("kind", "GENERAL")
            .when().get(BASE + "/proposals").then().statusCode(200).extract().jsonPath();
        assertTrue(listed.getList("items.id").contains(id), "listed by state and kind");
        assertTrue(listed.getList("items.state").stream().allMatch("CANCELED"::equals));
    }

    @Test
    void anExecutedRevenuePolicyIsInForceFromTheNextSettlementPeriodOnly() {
        List<Partner> voters = List.of(partner(Type.ED25519), partner(Type.SECP256K1), partner(Type.ED25519),
            partner(Type.SECP256K1), partner(Type.ED25519), partner(Type.SECP256K1));
        String id = given().auth().oauth2(Gov.adminToken()).contentType("application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body("{\"kind\":\"REVENUE_POLICY\",\"title\":\"More to partners\",\"description\":\"Pool 35 %\","
                + "\"policy\":{\"partnerPoolBps\":3500,\"platformFeeBps\":500,\"commissionBps\":[1000,500],"
                + "\"purchaseRewardBps\":100,\"reviewRewardPoints\":10,\"shareRewardPoints\":5,"
                + "\"pointExchangeRates\":[{\"from\":\"POINTS-A\",\"to\":\"POINTS-B\",\"rateBps\":8000}]}}")
            .when().post(BASE + "/proposals")
            .then().statusCode(201).body("kind", equalTo("REVENUE_POLICY")).extract().path("id");
        Gov.awaitState(id, "ACTIVE", 30);
        voters.forEach(v -> vote(v, id, "for", null));
        JsonPath fin = Gov.awaitFinalTally(id);
        assertSameAsRecount(Recount.of(id), fin);
        assertTrue(fin.getBoolean("succeeded"), fin.prettify());
        Gov.awaitState(id, "SUCCEEDED", 10);
        given().auth().oauth2(voters.get(0).token()).contentType("application/json").body("{}")
            .when().post(BASE + "/proposals/" + id + "/queue").then().statusCode(200).body("state", equalTo("QUEUED"));
        JsonPath executed = Await.until(Duration.ofSeconds(20), () -> {
            Response r = execute(voters.get(1).token(), id);
            return r.statusCode() == 409 ? null : r.then().statusCode(200).extract().jsonPath();
        });
        Instant executedAt = Instant.parse(executed.getString("executedAt"));

        List<Map<String, Object>> history = given().get(BASE + "/policies").then().statusCode(200)
            .extract().jsonPath().getList("items");
        Map<String, Object> mine = history.stream().filter(v -> id.equals(v.get("proposal"))).findFirst()
            .orElseThrow(() -> new AssertionError("the executed policy is in the public history"));
        Instant effectiveFrom = Instant.parse((String) mine.get("effectiveFrom"));
        JsonPath atExecution = inForce(executedAt);
        assertEquals(Instant.parse(atExecution.getString("period.end")), effectiveFrom,
            "in force from the start of the settlement period after the one it was executed in");
        assertTrue(effectiveFrom.isAfter(executedAt));
        assertTrue(!id.equals(atExecution.getString("version.proposal")), "not yet in force where it was executed");
        assertTrue(!id.equals(inForce(effectiveFrom.minusMillis(1)).getString("version.proposal")),
            "not in force in the rest of the current period");
        JsonPath next = inForce(effectiveFrom);
        assertEquals(id, next.getString("version.proposal"), "in force from the next period");
        assertEquals(3500, next.getInt("version.policy.partnerPoolBps"));
    }

    private static JsonPath inForce(Instant at) {
        return given().queryParam("at", at.toString()).get(BASE + "/policies/in-force").then().statusCode(200)
            .extract().jsonPath();
    }

    @Test
    void delegationStatementsAreCheckedLikeBallots() {
        Partner x = partner(Type.SECP256K1);
        Partner y = partner(Type.ED25519);
        Partner thief = partner(Type.SECP256K1);
        String typ = "copartner-delegation+jwt";
        String one = "[{\"delegate\":\"" + y.did() + "\",\"shareBps\":";
        refused(Gov.putDelegation(x, "not-a-jws"), 400);
        refused(Gov.putDelegation(x, x.wallet().signTyped(typ, statement(x, one + "6000},{\"delegate\":\""
            + thief.did() + "\",\"shareBps\":4001}]", Instant.now().getEpochSecond()), x.wallet().kid())), 400);
        refused(Gov.putDelegation(x, x.wallet().signTyped(typ, statement(x, one + "0}]",
            Instant.now().getEpochSecond()), x.wallet().kid())), 400);
        refused(Gov.putDelegation(x, x.wallet().signTyped(typ, statement(x, one + "10000}]",
            Instant.now().getEpochSecond() - 400), x.wallet().kid())), 400); // stale issuedAt
        refused(Gov.putDelegation(x, thief.wallet().signTyped(typ, statement(x, one + "10000}]",
            Instant.now().getEpochSecond()), x.wallet().kid())), 403); // forged
        refused(Gov.putDelegation(x, y.wallet().signTyped(typ, statement(y, "[]", Instant.now().getEpochSecond()),
            y.wallet().kid())), 403); // delegator is not the token's DID
        String nonce = Gov.nonce();
        String ok = x.wallet().signTyped(typ, Gov.delegationPayload(x.did(), List.of(new Share(y, 10000)),
            List.of("GENERAL", "PRODUCT_LISTING"), nonce), x.wallet().kid());
        Gov.putDelegation(x, ok).then().statusCode(200).body("delegator", equalTo(x.did()));
        refused(Gov.putDelegation(x, x.wallet().signTyped(typ, Gov.delegationPayload(x.did(), List.of(), List.of("*"),
            nonce), x.wallet().kid())), 409); // replayed nonce
        given().contentType("application/json").body("{\"statement\":\"x\"}")
            .put(BASE + "/delegations").then().statusCode(401);
    }

    private static String statement(Partner p, String delegationsJson, long issuedAt) {
        return "{\"delegator\":\"" + p.did() + "\",\"delegations\":" + delegationsJson + ",\"kinds\":[\"*\"],"
            + "\"issuedAt\":" + issuedAt + ",\"nonce\":\"" + Gov.nonce() + "\"}";
    }

    static Response execute(String token, String id) {
        return given().auth().oauth2(token).contentType("application/json").body("{}")
            .when().post(BASE + "/proposals/" + id + "/execute");
    }

    static String sign(Partner p, String payload) {
        return p.wallet().signTyped("copartner-ballot+jwt", payload, p.wallet().kid());
    }

    /** The platform's tally equals the third party's, hashes included. */
    static void assertSameAsRecount(Recount.Result r, JsonPath t) {
        assertEquals(r.forWeight(), new BigInteger(t.getString("for")), "for");
        assertEquals(r.against(), new BigInteger(t.getString("against")), "against");
        assertEquals(r.abstain(), new BigInteger(t.getString("abstain")), "abstain");
        assertEquals(r.totalEligibleWeight(), new BigInteger(t.getString("totalEligibleWeight")), "totalEligibleWeight");
        assertEquals(r.quorumReached(), t.getBoolean("quorumReached"), "quorumReached");
        assertEquals(r.succeeded(), t.getBoolean("succeeded"), "succeeded");
        assertEquals(r.ballotsHash(), t.getString("ballotsHash"), "ballotsHash (RFC 8785 array of the JWS)");
        assertEquals(r.snapshotHash(), r.servedSnapshotHash(), "/weights snapshotHash (RFC 8785 without itself)");
        assertEquals(r.snapshotHash(), t.getString("snapshotHash"), "tally snapshotHash");
        assertTrue(t.get("for") instanceof String && t.get("totalEligibleWeight") instanceof String,
            "weights are JSON strings");
    }
}
